/**
 * Reading a JSON request body with limits, for route handlers. Pure of Next:
 * works on any web `Request`. Checks, in order: Content-Type (415), the
 * declared Content-Length (413), the bytes actually read (413: the stream is
 * read with a cap and cancelled past it, so a missing or lying header does not
 * help), UTF-8 (400), JSON syntax (400).
 */

export const DEFAULT_MAX_JSON_BYTES = 64 * 1024;

export interface BodyIssue {
  path: string;
  message: string;
}

export type JsonBodyResult =
  | { ok: true; value: unknown; bytes: number }
  | { ok: false; status: 400 | 413 | 415; error: string; issues: BodyIssue[] };

/** `application/json`, optionally with `charset=utf-8` (any case, any spacing). */
export function isJsonContentType(header: string | null): boolean {
  if (!header) return false;
  const [type = "", ...params] = header.split(";");
  if (type.trim().toLowerCase() !== "application/json") return false;
  for (const param of params) {
    const [name = "", value = ""] = param.split("=");
    if (name.trim().toLowerCase() === "charset" && value.trim().replace(/^"|"$/g, "").toLowerCase() !== "utf-8") return false;
  }
  return true;
}

function fail(status: 400 | 413 | 415, error: string, message = error): JsonBodyResult {
  return { ok: false, status, error, issues: [{ path: "", message }] };
}

export async function readJsonBody(request: Request, options: { maxBytes?: number } = {}): Promise<JsonBodyResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_JSON_BYTES;
  if (!isJsonContentType(request.headers.get("content-type"))) {
    return fail(415, "Unsupported media type", "Send the body as application/json (charset utf-8).");
  }
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    return fail(413, "Payload too large", `The body must be at most ${maxBytes} bytes.`);
  }

  const bytes = await readCapped(request, maxBytes);
  if (bytes === null) return fail(413, "Payload too large", `The body must be at most ${maxBytes} bytes.`);

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail(400, "Invalid JSON", "The body is not valid UTF-8.");
  }
  if (text.trim() === "") return fail(400, "Invalid JSON", "The body is empty.");
  try {
    return { ok: true, value: JSON.parse(text) as unknown, bytes: bytes.byteLength };
  } catch {
    // The parser's own message varies by runtime and is not shown (DESIGN.md rule 7).
    return fail(400, "Invalid JSON", "The body is not valid JSON.");
  }
}

/** The body's bytes, or null as soon as more than `maxBytes` arrive. */
async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** A JSON error response `{ error, issues? }`. */
export function jsonError(status: number, error: string, issues?: readonly BodyIssue[], headers?: HeadersInit): Response {
  return Response.json(issues ? { error, issues } : { error }, { status, headers });
}
