// Helpers for `npm run test:faults`: a production server we can kill, sign-in
// over HTTP, and the step save route as a writer that keeps what the server acknowledged.
import { spawn } from "node:child_process";
import fs from "node:fs";

import { log, nextBin, root } from "../lib.mjs";

export const AUTH_SECRET = "faults-secret-0123456789abcdefghijklmnopqrstuvwxyz";
export const DEMO = { email: "facilitator@levelset.test", password: "levelset-demo-2026" };

/** `next start` as one node process (so `kill -9` hits the server itself). */
export async function startServer({ port, databaseUrl, logFile, env = {} }) {
  const out = fs.openSync(logFile, "a");
  const child = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET, NODE_ENV: "production", ...env },
    stdio: ["ignore", out, out],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}; see ${logFile}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server on ${port} did not answer /api/health within 60 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    pid: child.pid,
    running: () => child.exitCode === null && child.signalCode === null,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill(signal);
      await exited;
    },
  };
}

/** Signs in through Auth.js's credentials endpoint; returns the Cookie header. */
export async function signIn(base, { email, password } = DEMO) {
  const jar = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie(), "X-Forwarded-For": "203.0.113.9" },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in as ${email} failed (${res.status})`);
  return cookie();
}

/**
 * One writer on the step save route: each attempt posts a unique note with the
 * version it last saw. 200 → acknowledged (kept with the version the server
 * returned); 409 → a clean refusal, it re-reads the version and tries again.
 */
export async function writer({ base, cookie, path, id, attempts, currentVersion, stopWhen = () => false, onAck = () => {} }) {
  const acked = [];
  const refused = [];
  const failures = [];
  let version = currentVersion();
  for (let n = 0; n < attempts && !stopWhen(); n++) {
    const note = `writer ${id} save ${n}`;
    const form = new FormData();
    form.set("version", String(version));
    form.set("note", note);
    let res;
    let text;
    try {
      res = await fetch(`${base}${path}`, { method: "POST", headers: { Cookie: cookie, Origin: base }, body: form });
      text = await res.text();
    } catch (error) {
      if (stopWhen()) break; // the server was killed under us: this save is not acknowledged
      failures.push(`${note}: ${error.message}`);
      continue;
    }
    if (/SQLITE_BUSY|database is locked/i.test(text)) failures.push(`${note}: ${res.status} ${text.slice(0, 200)}`);
    if (res.status === 200) {
      const body = JSON.parse(text);
      if (body.status !== "saved") failures.push(`${note}: 200 but ${text.slice(0, 200)}`);
      acked.push({ note, version: body.version });
      onAck();
      version = body.version;
    } else if (res.status === 409) {
      refused.push(note);
      version = currentVersion();
    } else {
      failures.push(`${note}: HTTP ${res.status} ${text.slice(0, 200)}`);
      version = currentVersion();
    }
  }
  return { acked, refused, failures };
}

export { log };
