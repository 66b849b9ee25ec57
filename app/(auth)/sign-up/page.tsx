import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { SignUpForm } from "@/components/auth/auth-forms";
import { verifySession } from "@/lib/dal/session";
import { safeRedirectPath } from "@/lib/forms";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const safe = callbackUrl ? safeRedirectPath(callbackUrl, "/t") : undefined;
  if (await verifySession()) redirect(safe ?? "/t");
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Create your account</h1>
      <p className="mb-6 mt-1 text-slate-600">We&rsquo;ll set up a team for you; invite the others later.</p>
      <SignUpForm callbackUrl={safe} />
    </>
  );
}
