// `npm run demo`: everything needed to run LevelSet with demo data on SQLite,
// from a fresh clone: install, generate, migrate, seed when empty, build when
// the sources changed, then start the production server.
import { createHash, randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { ensureDependencies, generatePrismaClient, log, migrate, nextBin, root, run, seed } from "./lib.mjs";

const port = process.env.PORT || "3000";

ensureDependencies();

// A per-machine AUTH_SECRET in a git-ignored file that Next loads at start.
const envLocal = path.join(root, ".env.local");
const envText = fs.existsSync(envLocal) ? fs.readFileSync(envLocal, "utf8") : "";
if (!process.env.AUTH_SECRET && !/^AUTH_SECRET=/m.test(envText)) {
  fs.appendFileSync(envLocal, `${envText && !envText.endsWith("\n") ? "\n" : ""}AUTH_SECRET=${randomBytes(33).toString("base64url")}\n`);
  log("Wrote a new AUTH_SECRET to .env.local (git-ignored).");
}

log(`Database: ${process.env.DATABASE_URL || "file:./data/levelset.db (SQLite)"}`);
generatePrismaClient();
migrate();
seed();

// Rebuild only when something that goes into the build changed.
function buildStamp() {
  const hash = createHash("sha256");
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) walk(path.join(p, name));
    } else {
      hash.update(`${path.relative(root, p)}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  for (const p of ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.js", "package-lock.json", "postcss.config.mjs", "instrumentation.ts", "proxy.ts"]) {
    walk(path.join(root, p));
  }
  // The generated client is rewritten on every run; what it depends on is the schema and the provider.
  hash.update(`provider:${/^postgres(ql)?:/.test(process.env.DATABASE_URL ?? "") ? "postgresql" : "sqlite"}\n`);
  return hash.digest("hex");
}
const stampFile = path.join(root, ".next", "levelset-build-stamp");
const stamp = buildStamp();
if (fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === stamp) {
  log("Production build is up to date.");
} else {
  log("Building the production app (next build)…");
  run(process.execPath, [nextBin, "build"]);
  fs.writeFileSync(stampFile, stamp);
}

log(`LevelSet is starting on http://localhost:${port}`);
console.log(`
  Open  http://localhost:${port}
  Demo facilitator: facilitator@levelset.test / levelset-demo-2026
  Demo member:      member@levelset.test / levelset-demo-2026
  (Ctrl+C stops the server.)
`);
const server = spawn(process.execPath, [nextBin, "start", "-p", port], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
