/**
 * The one answer for an unknown, expired or revoked share link (the same page
 * for all three, so a link's fate is not disclosed). No client JavaScript.
 */
export default function ShareLinkNotFound() {
  return (
    <main id="main" className="mx-auto flex min-h-[70dvh] max-w-xl flex-col items-center justify-center px-6 py-16 text-center">
      <p className="text-sm font-semibold text-accent-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">This link doesn&rsquo;t work</h1>
      <p className="mt-3 text-slate-600">
        The share link may be mistyped, expired or revoked. If someone sent it to you, ask them for a new one.
      </p>
      <a href="/sign-in" className="mt-6 font-medium text-accent-700 underline underline-offset-4 hover:text-accent-900">
        Sign in to LevelSet
      </a>
    </main>
  );
}
