/**
 * Writes prisma/postgres/schema.prisma from prisma/schema.prisma (the one
 * hand-edited schema): provider "postgresql", generator output one level
 * deeper, a "generated — do not edit" header. Json stays Json (jsonb).
 * A line `// postgres: <line>` puts <line> in place of the line after it in the
 * PostgreSQL schema (for an index only one of the two databases can hold).
 *
 *   npm run db:schema:postgres          write the file
 *   npm run db:schema:postgres -- --check   exit 1 when the file is out of date
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SQLITE_SCHEMA = path.join(ROOT, "prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join(ROOT, "prisma", "postgres", "schema.prisma");

const HEADER = [
  "// generated — do not edit.",
  "// Produced from prisma/schema.prisma by `npm run db:schema:postgres`",
  "// (scripts/prisma/generate-postgres-schema.ts); a test fails when it drifts.",
  "",
  "",
].join("\n");

/** Replaces `key = "…"` inside the first block named `kind name { … }`, failing loudly when absent. */
function setBlockValue(schema: string, kind: "generator" | "datasource", key: string, value: string): string {
  const block = new RegExp(`(${kind}\\s+\\w+\\s*\\{[^}]*?\\b${key}\\s*=\\s*)"[^"]*"`);
  if (!block.test(schema)) throw new Error(`prisma/schema.prisma: no \`${key}\` in a ${kind} block`);
  return schema.replace(block, `$1"${value}"`);
}

/** `// postgres: <line>` followed by a line → <line> (same indentation); a marker with no line after it is an error. */
function applyPostgresLines(schema: string): string {
  const lines = schema.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = /^(\s*)\/\/ postgres: (.+)$/.exec(lines[i]!);
    if (!marker) {
      out.push(lines[i]!);
      continue;
    }
    if (i + 1 >= lines.length || lines[i + 1]!.trim() === "") throw new Error(`prisma/schema.prisma:${i + 1}: "// postgres:" must precede the line it replaces`);
    out.push(`${marker[1]}${marker[2]!.trim()}`);
    i++;
  }
  return out.join("\n");
}

export function toPostgresSchema(sqliteSchema: string): string {
  let schema = setBlockValue(applyPostgresLines(sqliteSchema), "datasource", "provider", "postgresql");
  const output = /generator\s+\w+\s*\{[^}]*?\boutput\s*=\s*"([^"]*)"/.exec(schema)?.[1];
  if (output === undefined) throw new Error("prisma/schema.prisma: the generator has no `output`");
  // The schema moves from prisma/ to prisma/postgres/: relative outputs gain one "../".
  schema = setBlockValue(schema, "generator", "output", path.posix.isAbsolute(output) ? output : path.posix.join("..", output));
  return HEADER + schema;
}

function main(argv: string[]): number {
  const expected = toPostgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
  const relative = path.relative(ROOT, POSTGRES_SCHEMA);
  if (argv.includes("--check")) {
    const actual = fs.existsSync(POSTGRES_SCHEMA) ? fs.readFileSync(POSTGRES_SCHEMA, "utf8") : "";
    if (actual === expected) return 0;
    console.error(`${relative} is out of date: run npm run db:schema:postgres`);
    return 1;
  }
  fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  fs.writeFileSync(POSTGRES_SCHEMA, expected);
  console.log(`Wrote ${relative}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
