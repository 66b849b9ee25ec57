import Link from "next/link";
import { Button } from "@/components/ui/button";

function Wordmark() {
  return (
    <Link
      href="/"
      className="inline-flex items-center gap-2.5 rounded-control text-lg font-semibold tracking-tight text-slate-900"
    >
      {/* Four steps of one scale: the four outcomes. */}
      <svg viewBox="0 0 24 24" aria-hidden="true" className="size-6" data-print="color">
        <rect x="2" y="14" width="4" height="8" rx="1.5" className="fill-pause-600" />
        <rect x="7.33" y="10" width="4" height="12" rx="1.5" className="fill-prompt-600" />
        <rect x="12.67" y="6" width="4" height="16" rx="1.5" className="fill-adapter-600" />
        <rect x="18" y="2" width="4" height="20" rx="1.5" className="fill-finetune-600" />
      </svg>
      LevelSet
    </Link>
  );
}

export default function MarketingLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-control focus:bg-white focus:px-4 focus:py-2 focus:font-medium focus:text-accent-800 focus:shadow-raised"
      >
        Skip to content
      </a>
      <header data-print="hide" className="border-b border-slate-200/80 bg-white/90">
        <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6 lg:px-8">
          <Wordmark />
          <nav aria-label="Account" className="flex items-center gap-1 sm:gap-3">
            <Link
              href="/sign-in"
              className="inline-flex h-9 items-center rounded-control px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 sm:h-11 sm:px-3 sm:text-base"
            >
              Sign in
            </Link>
            <Button asChild size="sm">
              <Link href="/sign-up">Create an account</Link>
            </Button>
          </nav>
        </div>
      </header>

      <main id="main" tabIndex={-1} className="flex-1 outline-none">
        {children}
      </main>

      <footer className="border-t border-slate-200 bg-slate-50" data-print="hide">
        <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-slate-600 sm:flex-row sm:items-center sm:justify-between sm:px-6 lg:px-8">
          <p>
            <span className="font-semibold text-slate-900">LevelSet</span> · decision workshops for AI product
            teams
          </p>
          <p>If you can’t evaluate it, you can’t ship it.</p>
        </div>
      </footer>
    </div>
  );
}
