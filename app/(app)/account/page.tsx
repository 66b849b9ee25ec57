import type { Metadata } from "next";

import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { Alert } from "@/components/ui/alert";
import { requireUser } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const user = await requireUser("/account");
  const { changed } = await searchParams;

  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">Your account</h1>
      <dl className="mt-4 grid gap-x-8 gap-y-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-600">Name</dt>
          <dd className="font-medium text-slate-900">{user.name}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Email</dt>
          <dd className="break-all font-medium text-slate-900">{user.email}</dd>
        </div>
      </dl>

      <section aria-labelledby="password-heading" className="mt-8 rounded-card border border-slate-200 bg-white p-5 shadow-card sm:p-6">
        <h2 id="password-heading" className="text-lg font-semibold text-slate-900">
          Change password
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Changing it signs you out everywhere else — other browsers and devices — and keeps you signed in here.
        </p>
        {changed === "1" ? (
          <Alert variant="success" title="Password changed" className="mt-4" role="status">
            Your other sessions have been signed out. Use the new password from now on.
          </Alert>
        ) : null}
        <div className="mt-4">
          <ChangePasswordForm />
        </div>
      </section>
    </main>
  );
}
