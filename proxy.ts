import { type NextRequest, NextResponse } from "next/server";

/**
 * A convenience, never the guard (CVE-2025-29927): anonymous visitors of the
 * signed-in product are sent to sign-in with a way back. Every page, action and
 * DAL function still checks the session itself.
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) =>
    request.cookies.getAll().some((c) => c.name === name || c.name.startsWith(`${name}.`)),
  );
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/t/:path*", "/teams/:path*"] };
