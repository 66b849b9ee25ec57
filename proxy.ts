import { type NextRequest, NextResponse } from "next/server";

import { log } from "@/lib/log";

/**
 * Runs before every page and route (not static assets):
 * - a per-request CSP nonce and the security headers (OWASP ASVS 5, level 2),
 * - a request id for the logs (`x-request-id`, echoed on the response),
 * - a convenience redirect of anonymous visitors of the signed-in product to
 *   sign-in with a way back. It is never the guard (CVE-2025-29927): every
 *   page, action and DAL function checks the session itself.
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const SIGNED_IN_AREAS = [/^\/t(\/|$)/, /^\/teams(\/|$)/, /^\/account(\/|$)/];

export function contentSecurityPolicy(nonce: string, { dev, https }: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (bar widths) need this; no inline <style> of our own.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * A server action call (`Next-Action` header) whose arguments are not an encoded
 * argument list — unparseable JSON, a root that is not an array, an unreadable
 * multipart body — makes Next throw while decoding, before any of our code runs,
 * and the caller gets a 500. Such a request cannot come from the app's own
 * forms; it is refused here with a 400. (Everything the arguments contain is
 * still validated by each action.)
 */
export async function malformedActionCall(request: Request): Promise<boolean> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const type = request.headers.get("content-type") ?? "";
  const isArgumentList = (text: unknown) => {
    if (typeof text !== "string") return false;
    try {
      return Array.isArray(JSON.parse(text));
    } catch {
      return false;
    }
  };
  // In a plain (not multipart) body there are no other parts to point at: React encodes a literal "$" as "$$",
  // and only these "$" values stand on their own. Any other "$…" string is a reference that can never resolve,
  // and Next's decoder fails on it ("Connection closed").
  const selfContained = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n)/;
  const onlySelfContained = (value: unknown): boolean =>
    typeof value === "string"
      ? !value.startsWith("$") || selfContained.test(value)
      : Array.isArray(value)
        ? value.every(onlySelfContained)
        : value !== null && typeof value === "object"
          ? Object.values(value).every(onlySelfContained)
          : true;
  try {
    if (type.startsWith("multipart/form-data")) {
      const root = (await request.clone().formData()).get("0");
      return root !== null && !isArgumentList(root);
    }
    const text = new TextDecoder("utf-8", { fatal: true }).decode(await request.clone().arrayBuffer());
    return !isArgumentList(text) || !onlySelfContained(JSON.parse(text));
  } catch {
    return true;
  }
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (await malformedActionCall(request)) {
    return withSecurityHeaders(new NextResponse("Invalid Server Action request.", { status: 400 }), request, null);
  }
  if (SIGNED_IN_AREAS.some((re) => re.test(pathname))) {
    const hasSession = request.cookies.getAll().some((c) => SESSION_COOKIES.some((n) => c.name === n || c.name.startsWith(`${n}.`)));
    if (!hasSession) {
      const url = request.nextUrl.clone();
      url.pathname = "/sign-in";
      url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
      return withSecurityHeaders(NextResponse.redirect(url), request, null);
    }
  }

  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const requestId = request.headers.get("x-request-id")?.match(/^[\w-]{8,64}$/)?.[0] ?? crypto.randomUUID();
  // One access line per request (the path without its query; capability tokens are masked by the logger).
  log.info("request", { requestId, method: request.method, path: pathname });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("x-request-id", requestId);
  // Where the visitor was going, for a sign-in redirect from deeper down (a revoked session).
  headers.set("x-request-path", pathname + search);
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https: isHttps(request) });
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  headers.set("Content-Security-Policy", csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), request, csp, requestId);
}

function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

function withSecurityHeaders(response: NextResponse, request: NextRequest, csp: string | null, requestId?: string) {
  if (csp) response.headers.set("Content-Security-Policy", csp);
  if (requestId) response.headers.set("x-request-id", requestId);
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("X-Frame-Options", "DENY");
  // Capability URLs (share links, invitations) must not leak through the Referer header.
  const capability = /^\/(s|invite)\//.test(request.nextUrl.pathname);
  response.headers.set("Referrer-Policy", capability ? "no-referrer" : "strict-origin-when-cross-origin");
  response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()");
  response.headers.set("Cross-Origin-Opener-Policy", "same-origin");
  if (isHttps(request)) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

export const config = {
  matcher: [
    {
      // The static files of public/ (icons, robots.txt, the manifest) need neither a nonce nor a session.
      source: "/((?!_next/static|_next/image|favicon.ico|favicon.svg|apple-touch-icon.png|manifest.webmanifest|robots.txt|icons/).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
