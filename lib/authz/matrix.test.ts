import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { fillPath, MATRIX, PAGE_ROWS, VISITORS, WRITE_ROWS } from "./matrix";

const root = path.resolve(import.meta.dirname, "../..");

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [path.relative(root, p)];
  });
}

describe("authorization matrix", () => {
  it("names every visitor for every row", () => {
    for (const row of MATRIX) expect(Object.keys(row.expect).sort(), row.name).toEqual([...VISITORS].sort());
  });

  it("lists every exported server action of the app", () => {
    const listed = new Set(WRITE_ROWS.filter((r) => r.kind === "action").map((r) => r.target));
    const files = walk(path.join(root, "app")).filter((f) => f.endsWith("actions.ts"));
    const missing: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(path.join(root, file), "utf8");
      for (const [, name] of source.matchAll(/export async function (\w+Action)\b/g)) {
        if (!listed.has(`${file}#${name}`)) missing.push(`${file}#${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("lists every route handler under app/api/v1 and every page route", () => {
    const files = walk(path.join(root, "app"));
    const pageFiles = files.filter((f) => f.endsWith("page.tsx"));
    const toRoute = (f: string) =>
      "/" +
      path
        .dirname(f)
        .split(path.sep)
        .slice(1)
        .filter((s) => !/^\(.*\)$/.test(s))
        .join("/");
    const templated = (p: string) => p.replace(/\?.*$/, "").replace(/\{teamSlug\}/g, "[teamSlug]").replace(/\{decisionId\}/g, "[decisionId]").replace(/\{(dead)?[tT]oken\}/g, "[token]").replace(/\{deadCode\}/g, "[code]");
    const paths = new Set([...PAGE_ROWS.map((r) => templated(r.path)), ...WRITE_ROWS.map((r) => templated(r.target.split(" ")[1] ?? ""))]);
    // Concrete step ids stand for the [stepId] route.
    const covered = (route: string) =>
      [...paths].some((p) => p === route || p.replace(/\/steps\/[a-z_]+/, "/steps/[stepId]") === route || (route === "/api/v1/rubrics/[version]" && p === "/api/v1/rubrics/v1"));
    const routeFiles = files.filter((f) => f.endsWith("route.ts") && !f.includes("api/auth") && !f.includes("api/health"));
    const missing = [...pageFiles, ...routeFiles].map(toRoute).map((r) => (r === "/" ? "/" : r)).filter((r) => !covered(r));
    expect(missing).toEqual([]);
  });

  it("every replayed row says which form to replay", () => {
    for (const row of WRITE_ROWS.filter((r) => r.probe === "replay")) expect(row.form, row.name).toBeDefined();
  });

  it("fills placeholders and refuses unknown ones", () => {
    expect(fillPath("/t/{teamSlug}/x", { teamSlug: "a" })).toBe("/t/a/x");
    expect(() => fillPath("/t/{nope}", {})).toThrow(/nope/);
  });
});
