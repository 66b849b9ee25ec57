import Link from "next/link";

/** One answer for unknown, expired, revoked and used-up links: nothing to probe. */
export default function InvitationNotFound() {
  return (
    <>
      <p className="text-sm font-semibold text-accent-700">404</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">This invitation is no longer valid</h1>
      <p className="mt-2 text-slate-700">
        It may have expired, been used up or been revoked. Ask the person who sent it for a new one.
      </p>
      <Link href="/" className="mt-6 inline-block font-medium text-accent-700 underline underline-offset-4 hover:text-accent-900">
        Go to the LevelSet home page
      </Link>
    </>
  );
}
