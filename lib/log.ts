/**
 * Structured logs: one JSON object per line on stdout/stderr, with the request
 * id the proxy assigns. Values under keys that look like secrets are redacted,
 * and share/invitation tokens in paths are masked, so logs never carry
 * passwords, session cookies or capability tokens.
 */
type Fields = Record<string, unknown>;

const SECRET_KEY = /pass(word)?|secret|token|cookie|authorization|session/i;
// Also URL-encoded, as in `/sign-in?callbackUrl=%2Finvite%2F…`.
const CAPABILITY_PATH = /(\/|%2F)(s|invite)(\/|%2F)[A-Za-z0-9_-]{16,}/gi;

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.replace(CAPABILITY_PATH, "$1$2$3[redacted]");
  if (!value || typeof value !== "object" || depth > 4) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Fields).map(([k, v]) => [k, SECRET_KEY.test(k) ? "[redacted]" : redact(v, depth + 1)]),
  );
}

function write(level: "info" | "warn" | "error", event: string, fields: Fields = {}) {
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...(redact(fields) as Fields) });
  if (level === "error") console.error(line);
  else console.log(line);
}

export const log = {
  info: (event: string, fields?: Fields) => write("info", event, fields),
  warn: (event: string, fields?: Fields) => write("warn", event, fields),
  error: (event: string, fields?: Fields) => write("error", event, fields),
};
