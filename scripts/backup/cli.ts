/**
 * `npm run backup [-- FILE]` and `npm run restore -- FILE [--force]`.
 * Exit codes: 0 done, 1 refused or failed (with a message saying why), 2 wrong usage.
 */
import { backup, BackupError, describeTarget, resolveTarget, restore } from "./db-backup";

const USAGE = `Usage:
  npm run backup                     back up DATABASE_URL's database to data/backups/levelset-<time>.db|.dump
  npm run backup -- FILE             … to FILE (must not exist)
  npm run restore -- FILE            restore FILE into an empty database
  npm run restore -- FILE --force    replace a database that holds data (it is backed up first)`;

function fail(message: string, code = 1): never {
  console.error(`levelset: ${message}`);
  process.exit(code);
}

export async function main(command: "backup" | "restore", argv: string[]): Promise<void> {
  const force = argv.includes("--force");
  const unknown = argv.filter((a) => a.startsWith("-") && a !== "--force");
  const files = argv.filter((a) => !a.startsWith("-"));
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return;
  }
  if (unknown.length > 0 || files.length > 1 || (command === "backup" && force)) fail(`unexpected arguments: ${argv.join(" ")}\n${USAGE}`, 2);
  if (command === "restore" && files.length === 0) fail(`which backup file? \n${USAGE}`, 2);
  try {
    const target = resolveTarget();
    if (command === "backup") {
      const r = await backup(target, files[0]);
      console.log(`levelset: backed up ${describeTarget(target)} to ${r.file} (${r.bytes} bytes)`);
    } else {
      const r = await restore(target, files[0]!, { force });
      if (r.safetyCopy) console.log(`levelset: saved the database as it was to ${r.safetyCopy}`);
      console.log(`levelset: restored ${describeTarget(target)} from ${r.from}`);
    }
  } catch (error) {
    if (error instanceof BackupError) fail(error.message);
    fail(`${command} failed: ${(error as Error).message}`);
  }
}
