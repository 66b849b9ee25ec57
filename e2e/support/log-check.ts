import fs from "node:fs";

import { readRecordedSecrets, SECOND_SERVER_LOG, SERVER_LOG } from "./secrets";

/**
 * Playwright's global teardown (it runs while the web server is still up): the
 * server's log of this run must be there, must hold structured lines with request
 * ids (so the check below has something to search), and must not contain any
 * password, capability token or session cookie a spec recorded — not verbatim,
 * not URL-encoded.
 */
export function findLeaks(log: string, secrets: ReturnType<typeof readRecordedSecrets>, file = SERVER_LOG): string[] {
  const lines = log.split("\n");
  const leaks: string[] = [];
  const seen = new Set<string>();
  for (const { kind, value } of secrets) {
    if (value.length < 8 || seen.has(value)) continue;
    seen.add(value);
    const forms = [...new Set([value, encodeURIComponent(value)])];
    const at = lines.findIndex((line) => forms.some((f) => line.includes(f)));
    // Name the secret by its kind and first characters only: the report must not repeat it.
    if (at >= 0) leaks.push(`${kind} ${value.slice(0, 4)}… on line ${at + 1} of ${file}`);
  }
  return leaks;
}

export default async function checkServerLog() {
  if (!fs.existsSync(SERVER_LOG)) throw new Error(`No server log at ${SERVER_LOG}: the web server's output was not captured`);
  const log = fs.readFileSync(SERVER_LOG, "utf8");
  const structured = log.split("\n").filter((line) => {
    try {
      const entry = JSON.parse(line) as { requestId?: unknown };
      return typeof entry.requestId === "string" && entry.requestId.length > 0;
    } catch {
      return false;
    }
  });
  if (structured.length === 0) throw new Error(`The server log ${SERVER_LOG} has no JSON line with a request id: nothing was logged to check`);
  const secrets = readRecordedSecrets();
  // Requests that carried a capability token in their path were logged, masked: the grep below saw them.
  if (secrets.some((x) => x.kind === "share_token" || x.kind === "invitation_token") && !/\/(s|invite)\/\[redacted\]/.test(log)) {
    throw new Error(`The specs used share or invitation links, but ${SERVER_LOG} logged no (masked) request for one`);
  }
  const leaks = findLeaks(log, secrets);
  // The second instance of the two-instance spec, when it ran.
  if (fs.existsSync(SECOND_SERVER_LOG)) leaks.push(...findLeaks(fs.readFileSync(SECOND_SERVER_LOG, "utf8"), secrets, SECOND_SERVER_LOG));
  if (leaks.length > 0) throw new Error(`Secrets found in the server log:\n${leaks.join("\n")}`);
  console.log(`Server log check: ${structured.length} request lines, ${secrets.length} recorded secrets, none logged.`);
}
