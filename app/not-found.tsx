import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto flex min-h-[60dvh] max-w-xl flex-col items-center justify-center px-6 py-16 text-center">
      <p className="text-sm font-semibold text-accent-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">We couldn&rsquo;t find that page</h1>
      <p className="mt-3 text-slate-600">
        It may have moved, or you may not have access to it. If someone sent you this link, ask them to check it.
      </p>
      <Link href="/" className="mt-6 font-medium text-accent-700 underline underline-offset-4 hover:text-accent-900">
        Go to the LevelSet home page
      </Link>
    </main>
  );
}
