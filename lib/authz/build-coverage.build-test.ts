import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { MATRIX, WRITE_ROWS } from "./matrix";

/**
 * Runs after `next build` (scripts/test.mjs; `vitest.build.config.ts`): what the
 * production build actually serves — every server action in Next's server
 * reference manifest and every page and route handler in its route list — must
 * have a row in lib/authz/matrix.ts, and every matrix row must still exist.
 * The source-based test (matrix.test.ts) reads file names; this one reads what
 * Next compiled, so an action exported under another name, re-exported, or
 * declared inline in a page cannot slip past.
 */

const root = path.resolve(import.meta.dirname, "../..");
const nextDir = path.join(root, process.env.NEXT_DIST_DIR ?? ".next");

/** Routes Next adds itself; they serve no product data. */
const FRAMEWORK_ROUTES = new Set(["/_global-error", "/_not-found"]);

type ActionManifest = { node: Record<string, { filename: string; exportedName: string }>; edge: Record<string, { filename: string; exportedName: string }> };

function readJson<T>(file: string): T {
  const full = path.join(nextDir, file);
  if (!fs.existsSync(full)) throw new Error(`${full} is missing: run \`next build\` first (npm test does).`);
  return JSON.parse(fs.readFileSync(full, "utf8")) as T;
}

/** "/t/[teamSlug]/x/[...rest]" → a RegExp matching the matrix's paths ({placeholders}, concrete values or [segments]). */
export function routePattern(route: string): RegExp {
  const escaped = route
    .split("/")
    .map((segment) => {
      if (/^\[\[?\.\.\.\w+\]\]?$/.test(segment)) return ".+";
      if (/^\[\w+\]$/.test(segment)) return "[^/]+";
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return new RegExp(`^${escaped}$`);
}

/** Every path the matrix names: page paths and route targets, without their query. */
function matrixPaths(): string[] {
  return MATRIX.map((row) => (row.kind === "page" ? row.path : row.kind === "route" ? (row.target.split(" ")[1] ?? "") : "")).filter(Boolean).map((p) => p.replace(/\?.*$/, ""));
}

export function builtActions(): string[] {
  const manifest = readJson<ActionManifest>("server/server-reference-manifest.json");
  return [...Object.values(manifest.node), ...Object.values(manifest.edge)].map((a) => `${a.filename}#${a.exportedName}`);
}

export function builtRoutes(): { route: string; handler: boolean }[] {
  const manifest = readJson<Record<string, string>>("app-path-routes-manifest.json");
  return Object.entries(manifest)
    .filter(([, route]) => !FRAMEWORK_ROUTES.has(route))
    .map(([entry, route]) => ({ route, handler: entry.endsWith("/route") }));
}

describe("authorization matrix against the production build", () => {
  it("names every server action the build serves", () => {
    const listed = new Set(WRITE_ROWS.filter((r) => r.kind === "action").map((r) => r.target));
    const missing = [...new Set(builtActions())].filter((a) => !listed.has(a)).sort();
    expect(missing, "server actions in .next/server/server-reference-manifest.json without a row in lib/authz/matrix.ts").toEqual([]);
  });

  it("names every page and route handler the build serves", () => {
    const paths = matrixPaths();
    const missing = builtRoutes()
      .filter(({ route }) => !paths.some((p) => routePattern(route).test(p)))
      .map(({ route, handler }) => `${handler ? "route handler" : "page"} ${route}`)
      .sort();
    expect(missing, "routes in .next/app-path-routes-manifest.json without a row in lib/authz/matrix.ts").toEqual([]);
  });

  it("has no row for an action or route the build no longer serves", () => {
    const actions = new Set(builtActions());
    const routes = builtRoutes().map(({ route }) => routePattern(route));
    const stale = [
      ...WRITE_ROWS.filter((r) => r.kind === "action" && !actions.has(r.target)).map((r) => r.target),
      ...matrixPaths().filter((p) => !routes.some((re) => re.test(p))),
    ];
    expect(stale, "matrix rows for things the build does not serve").toEqual([]);
  });

  it("matches route patterns segment by segment", () => {
    expect(routePattern("/t/[teamSlug]/decisions/[decisionId]").test("/t/{teamSlug}/decisions/{decisionId}")).toBe(true);
    expect(routePattern("/t/[teamSlug]/decisions/[decisionId]").test("/t/{teamSlug}/decisions/{decisionId}/result")).toBe(false);
    expect(routePattern("/api/auth/[...nextauth]").test("/api/auth/session")).toBe(true);
    expect(routePattern("/decisions.csv").test("/decisionsXcsv")).toBe(false);
  });
});
