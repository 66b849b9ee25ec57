import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

/**
 * The public share page ships no client JavaScript of its own: nothing it
 * renders may be a "use client" module (next/link included). Walks the import
 * graph of the route's files through the project's own modules.
 */
const root = path.resolve(import.meta.dirname, "../../..");
const here = import.meta.dirname;

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

type Import = { spec: string; names: string[] | null };

/** `import { a, b as c } from "x"` → names ["a", "b"]; default and namespace imports → null (all). */
function importsOf(source: string): Import[] {
  return [...source.matchAll(/^\s*(?:import|export)\s([^;]*?)\sfrom\s+["']([^"']+)["']/gms)].map((m) => {
    const clause = m[1]!;
    const braces = clause.match(/^\s*(?:type\s+)?\{([^}]*)\}\s*$/s);
    const names = braces
      ? braces[1]!
          .split(",")
          .map((n) => n.trim().replace(/^type\s+/, "").split(/\s+as\s+/)[0]!.trim())
          .filter(Boolean)
      : null;
    return { spec: m[2]!, names };
  });
}

/** A barrel only re-exports; from it, follow just the modules that provide the names asked for. */
function isBarrel(source: string): boolean {
  return source
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("//") && !l.startsWith("*") && !l.startsWith("/*"))
    .every((l) => /^export\s/.test(l) || /^[}\w\s,]*\}?\s*from\s/.test(l) || /^[\w\s,]+,?$/.test(l) || /^type\s/.test(l));
}

function walk(entry: string, names: string[] | null = null, seen = new Set<string>()): Set<string> {
  const key = `${entry}|${names?.join(",") ?? "*"}`;
  if (seen.has(key)) return seen;
  seen.add(key);
  const source = fs.readFileSync(entry, "utf8");
  const barrel = names !== null && isBarrel(source);
  for (const { spec, names: imported } of importsOf(source)) {
    if (barrel && imported && !imported.some((n) => names.includes(n))) continue;
    const file = resolve(entry, spec);
    if (file) walk(file, barrel ? names : imported, seen);
  }
  return seen;
}

const files = (graph: Set<string>) => [...new Set([...graph].map((k) => k.split("|")[0]!))];

describe("the public share page", () => {
  for (const [file, minModules] of [["page.tsx", 8], ["not-found.tsx", 1]] as const) {
    it(`${file} renders server components only`, () => {
      const graph = files(walk(path.join(here, file)));
      expect(graph.length).toBeGreaterThanOrEqual(minModules);
      const clientModules = graph.filter((f) => /^\s*["']use client["']/.test(fs.readFileSync(f, "utf8")));
      expect(clientModules.map((f) => path.relative(root, f))).toEqual([]);
      const external = graph.flatMap((f) => importsOf(fs.readFileSync(f, "utf8")).map((i) => i.spec)).filter((s) => !s.startsWith("@/") && !s.startsWith("."));
      expect(external).not.toContain("next/link");
      expect(external).not.toContain("next/script");
    });
  }
});
