import Link from "next/link";

import { signOutAction } from "@/app/(auth)/actions";
import { requireUser } from "@/lib/dal/session";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <div className="flex min-h-dvh flex-col bg-slate-50">
      <header data-print="hide" data-chrome className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
          <Link href="/t" className="text-lg font-semibold tracking-tight text-slate-900">
            Level<span className="text-accent-700">Set</span>
          </Link>
          <div className="flex items-center gap-3 text-sm">
            <span className="hidden text-slate-600 sm:inline" data-testid="current-user">
              {user.name}
            </span>
            <Link
              href="/account"
              className="rounded-md px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900"
            >
              Account
            </Link>
            <form action={signOutAction}>
              <button
                type="submit"
                className="rounded-md px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900"
              >
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <div className="flex-1">{children}</div>
    </div>
  );
}
