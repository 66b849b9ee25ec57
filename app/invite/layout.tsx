import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Invitation", robots: { index: false, follow: false } };

/** Outside the signed-in group: anonymous visitors see who invited them before they have an account. */
export default function InviteLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-slate-50">
      <header className="px-4 py-5 sm:px-6">
        <Link href="/" className="text-lg font-semibold tracking-tight text-slate-900">
          Level<span className="text-accent-700">Set</span>
        </Link>
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pb-16 pt-4 sm:pt-12">
        <div className="w-full max-w-md rounded-card border border-slate-200 bg-white p-6 shadow-card sm:p-8">{children}</div>
      </main>
    </div>
  );
}
