import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { SignInForm } from "@/components/auth/auth-forms";
import { verifySession } from "@/lib/dal/session";
import { safeRedirectPath } from "@/lib/forms";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const safe = callbackUrl ? safeRedirectPath(callbackUrl, "/t") : undefined;
  if (await verifySession()) redirect(safe ?? "/t");
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Sign in</h1>
      <p className="mb-6 mt-1 text-slate-600">Welcome back. Your team&rsquo;s decisions are waiting.</p>
      <SignInForm callbackUrl={safe} />
    </>
  );
}
