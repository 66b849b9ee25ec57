// What `npm run bench` and `npm run bench:workshop` share: settings from the
// environment, the server's CPU and memory from /proc, and small statistics.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

/** A positive number from the environment, or `fallback` when unset; anything else stops the bench. */
export function envNumber(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return n;
}

/** `pid` and all its descendants (a server may serve from child processes): CPU and memory are summed over them. */
export function processTree(pid) {
  const children = new Map();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      /* gone */
    }
  }
  const out = [];
  const walk = (p) => {
    out.push(p);
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return out;
}

/** Resident memory of the process tree, MB (null when it is gone). */
export function rssMb(pid) {
  let kb = 0;
  for (const p of processTree(pid)) {
    try {
      const m = fs.readFileSync(`/proc/${p}/status`, "utf8").match(/^VmRSS:\s+(\d+)\s+kB/m);
      if (m) kb += Number(m[1]);
    } catch {
      /* gone */
    }
  }
  return kb > 0 ? kb / 1024 : null;
}

const CLOCK_TICK_MS = 1000 / Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim() || 100);
/** CPU time (user + system, ms) the process tree has used so far: robust to other load on the machine, unlike req/s. */
export function cpuMs(pid) {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const f = fs.readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(f[11]) + Number(f[12]); // utime (#14) + stime (#15)
    } catch {
      /* gone */
    }
  }
  return ticks * CLOCK_TICK_MS;
}

/** SIGTERM, then SIGKILL after 10 s; resolves once the child has exited. */
export async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
  if (timedOut) child.kill("SIGKILL");
  await exited;
}

/** `name=value` pairs of a response's Set-Cookie headers. */
export const cookiePairs = (res) => res.headers.getSetCookie().map((c) => c.split(";")[0]);

/** Nearest-rank percentile of an ascending array (null when empty). */
export function percentile(sorted, q) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export const round = (n, digits = 2) => (n === null || n === undefined || !Number.isFinite(n) ? null : Number(n.toFixed(digits)));
