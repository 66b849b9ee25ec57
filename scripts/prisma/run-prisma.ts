/** Runs the project's Prisma CLI (node_modules/prisma) as a child process. */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import path from "node:path";

import type { Env } from "./config-support";

export function runPrisma(
  args: string[],
  options: { cwd: string; env?: Env; input?: string; prismaRoot?: string },
): SpawnSyncReturns<string> {
  const cli = path.join(options.prismaRoot ?? options.cwd, "node_modules", "prisma", "build", "index.js");
  return spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd,
    env: { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1", ...options.env },
    input: options.input,
    encoding: "utf8",
    timeout: 120_000,
  });
}
