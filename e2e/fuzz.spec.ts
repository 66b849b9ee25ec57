import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { type APIRequestContext, request as playwrightRequest } from "@playwright/test";
import fc from "fast-check";

import { type Checksum, databaseChecksum } from "./support/db-checksum";
import { expect, newUser, signUp, test } from "./support/fixtures";
import { createDecision } from "./support/workshop";

/**
 * Malformed input for every server action and route handler of the production
 * build, as an anonymous visitor and as a signed-in team owner (the most
 * powerful member: anything that slips through validation would write).
 * Wrong types, huge strings, unknown and `__proto__` keys, invalid UTF-8,
 * wrong content types, missing fields, broken action envelopes. Every answer
 * must be below 500 (a 4xx, a redirect, or a form with field errors) and the
 * whole database must be unchanged (row counts and a hash of every row).
 *
 * Runs in its own Playwright project after the others (playwright.config.ts),
 * so no other test writes while the database is compared. `FUZZ_RUNS` sets the
 * number of generated requests per target and visitor (default 6).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const manifestFile = path.resolve(".next/server/server-reference-manifest.json");

type Visitor = "anonymous" | "owner";
type World = { teamSlug: string; decisionId: string; version: string; cookie: string; baseURL: string };
let world: World;
let api: APIRequestContext;
/** A per-run client address, so sign-in fuzzing never locks other tests' address out. */
const address = `198.51.100.${1 + (randomBytes(1)[0]! % 250)}`;

// ---- Malformed values ---------------------------------------------------------

/** A multipart part's body: a string, raw bytes (possibly invalid UTF-8), or a file. */
type Part = { kind: "text"; value: string } | { kind: "bytes"; value: Buffer } | { kind: "file"; value: Buffer };

const INVALID_UTF8 = [Buffer.from([0xc3, 0x28]), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from([0xe2, 0x82]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80])];

const huge = fc.integer({ min: 70_000, max: 200_000 }).chain((n) => fc.constantFrom("a", "é", "0", "😀", "<", "'").map((c) => c.repeat(Math.ceil(n / c.length))));
/** Always invalid for a required field: huge (beyond every limit) or a file where text belongs. */
const poisonPart: fc.Arbitrary<Part | null> = fc.oneof(
  fc.constant(null), // missing
  huge.map((value): Part => ({ kind: "text", value })),
  fc.uint8Array({ maxLength: 64 }).map((a): Part => ({ kind: "file", value: Buffer.from(a) })),
);
const oddString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", " ", "null", "undefined", "NaN", "-1", "1e309", "0x10", "[]", "{}", "true", "__proto__", "constructor", "../../etc/passwd", "%00", "\u0000", "\ud800", "<script>alert(1)</script>", "' OR 1=1 --"),
  fc.integer().map(String),
  fc.double().map(String),
);
const anyPart: fc.Arbitrary<Part> = fc.oneof(
  oddString.map((value): Part => ({ kind: "text", value })),
  huge.map((value): Part => ({ kind: "text", value })),
  fc.constantFrom(...INVALID_UTF8).map((value): Part => ({ kind: "bytes", value: Buffer.concat([Buffer.from("x"), value]) })),
  fc.uint8Array({ maxLength: 64 }).map((a): Part => ({ kind: "file", value: Buffer.from(a) })),
);
const oddKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "q:__proto__", "__proto__[polluted]", "q:constructor", "unknown:__proto__", "$ACTION_ID_x", "0", "_1___proto__"),
  fc.string({ minLength: 1, maxLength: 20 }),
);

function multipart(entries: [string, Part][]): { body: Buffer; type: string } {
  const boundary = `----levelsetfuzz${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const [name, part] of entries) {
    const safeName = name.replace(/["\r\n]/g, "_");
    const disposition = part.kind === "file" ? `form-data; name="${safeName}"; filename="x.bin"` : `form-data; name="${safeName}"`;
    const type = part.kind === "file" ? "\r\nContent-Type: application/octet-stream" : "";
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`), Buffer.from(part.value as string | Buffer), Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

/** A lone surrogate cannot be put in a URL at all (encodeURIComponent throws): it becomes U+FFFD. */
const wellFormed = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");

// ---- Targets ----------------------------------------------------------------

/**
 * What each action reads. `required`: fields it validates before it writes
 * anything; each generated request poisons at least one of them, so no
 * generated request is a valid one. `real` fields may carry the real team,
 * decision and version, so the poison (not a miss) must be what stops it.
 */
type ActionSpec = { fields: string[]; required: string[]; formOnly?: boolean; json?: boolean };
const ID_FIELDS = ["teamSlug", "decisionId"];
const ACTIONS: Record<string, ActionSpec> = {
  signInAction: { fields: ["email", "password", "callbackUrl"], required: ["email", "password"] },
  signUpAction: { fields: ["name", "email", "password", "callbackUrl"], required: ["name", "email", "password"] },
  signOutAction: { fields: [], required: [], formOnly: true },
  createTeamAction: { fields: ["name"], required: ["name"] },
  createDecisionAction: { fields: [...ID_FIELDS, "title", "context", "ownerId", "participants"], required: ["teamSlug", "title"] },
  saveStepAction: {
    fields: [...ID_FIELDS, "stepId", "version", "note", "goto", "q:constraints.eval_harness", "unknown:constraints.eval_harness", "none:constraints.eval_harness"],
    required: ["teamSlug", "decisionId", "stepId", "version"],
  },
  continueToResultAction: { fields: ID_FIELDS, required: ID_FIELDS, formOnly: true },
  recordDecisionAction: { fields: [...ID_FIELDS, "finalLevel", "rationale", "ownerId", "reviewBy", "version"], required: [...ID_FIELDS, "finalLevel", "version"] },
  reopenDecisionAction: { fields: [...ID_FIELDS, "version"], required: [...ID_FIELDS, "version"] },
  revisitDecisionAction: { fields: ID_FIELDS, required: ID_FIELDS },
  setArchivedAction: { fields: [...ID_FIELDS, "archived"], required: [...ID_FIELDS, "archived"] },
  scoreAnswersAction: { fields: [], required: [], json: true },
  togglePresentationAction: { fields: ["presentation", "returnTo"], required: [], formOnly: true },
  createShareLinkAction: { fields: [...ID_FIELDS, "expiry", "expiresOn"], required: [...ID_FIELDS, "expiry"] },
  revokeShareLinkAction: { fields: ["teamSlug", "linkId"], required: ["teamSlug", "linkId"] },
  startLiveSessionAction: { fields: [...ID_FIELDS, "answers", "observersAllowed", "timerMinutes"], required: ID_FIELDS },
  renameTeamAction: { fields: ["teamSlug", "name"], required: ["teamSlug", "name"] },
  changeRoleAction: { fields: ["teamSlug", "userId", "role"], required: ["teamSlug", "userId"] },
  removeMemberAction: { fields: ["teamSlug", "userId"], required: ["teamSlug", "userId"] },
  leaveTeamAction: { fields: ["teamSlug"], required: ["teamSlug"] },
  createInvitationAction: { fields: ["teamSlug", "role", "expiry", "uses", "maxUses"], required: ["teamSlug", "role"] },
  revokeInvitationAction: { fields: ["teamSlug", "invitationId"], required: ["teamSlug", "invitationId"] },
  acceptInvitationAction: { fields: ["token"], required: ["token"] },
  changePasswordAction: { fields: ["currentPassword", "newPassword", "confirmPassword"], required: ["currentPassword", "newPassword", "confirmPassword"] },
  importTeamAction: { fields: ["file", "name", "addKnownMembers"], required: ["file"] },
};

function realValue(field: string): string | undefined {
  return { teamSlug: world.teamSlug, decisionId: world.decisionId, version: world.version, stepId: "constraints", userId: "x" }[field];
}

/** Form fields: one required field poisoned; the rest real, malformed or missing; plus odd extra keys. */
function formFields(spec: ActionSpec): fc.Arbitrary<[string, Part][]> {
  const poisoned = spec.required.length ? fc.constantFrom(...spec.required) : fc.constant(null);
  const others = spec.fields.map((f) =>
    fc.oneof(fc.constant(null), anyPart, ...(realValue(f) ? [fc.constant<Part>({ kind: "text", value: realValue(f)! })] : [])),
  );
  return fc
    .tuple(poisoned, poisonPart, fc.tuple(...others), fc.array(fc.tuple(oddKey, anyPart), { maxLength: 4 }))
    .map(([which, poison, values, extra]) => {
      const entries: [string, Part][] = [];
      spec.fields.forEach((f, i) => {
        const part = f === which ? poison : values[i]!;
        if (part) entries.push([f, part]);
      });
      return [...entries, ...extra];
    });
}

type Envelope = { headers: Record<string, string>; body: Buffer | string; label: string };
const args = (spec: ActionSpec) => (spec.formOnly ? ["$K1"] : [{}, "$K1"]);

/** The ways a client can post a server action, well-formed around malformed fields, or broken itself. */
function actionRequests(id: string, spec: ActionSpec): fc.Arbitrary<Envelope> {
  const action = { "Next-Action": id };
  const fields = formFields(spec);
  const reactForm = fields.map((entries): Envelope => {
    const prefixed = entries.map(([k, v]): [string, Part] => [`_1_${k}`, v]);
    const { body, type } = multipart([...prefixed, ["0", { kind: "text", value: JSON.stringify(args(spec)) }]]);
    return { headers: { ...action, "Content-Type": type }, body, label: "react multipart" };
  });
  const noJsForm = fields.map((entries): Envelope => {
    const { body, type } = multipart([[`$ACTION_ID_${id}`, { kind: "text", value: "" }], ...entries]);
    return { headers: { "Content-Type": type }, body, label: "form post without JavaScript" };
  });
  const jsonArgs = fc
    .oneof(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }), fc.jsonValue({ maxDepth: 3 }), fc.constant([{ __proto__: { admin: true } }]).map((v) => JSON.parse(JSON.stringify(v).replace("\"admin\"", "\"__proto__\":{\"admin\":true},\"x\""))))
    .map((v): Envelope => ({ headers: { ...action, "Content-Type": "text/plain;charset=UTF-8" }, body: JSON.stringify(v) ?? "null", label: "JSON arguments" }));
  const broken = fc
    .tuple(
      fc.constantFrom("text/plain;charset=UTF-8", "application/json", "application/x-www-form-urlencoded", "application/octet-stream", "image/png", "multipart/form-data", "multipart/form-data; boundary=nope"),
      fc.oneof(
        fc.constantFrom("[", "[{},\"$K1\"", "{\"__proto__\":{\"polluted\":true}}", "\"$K1\"", "[\"$@99\"]", "[\"$Q1\"]", "[\"$h1\"]", "null", "", "%%%", "a=1&__proto__[x]=1"),
        fc.string({ maxLength: 200 }),
      ),
      fc.constantFrom(...INVALID_UTF8),
    )
    .map(([type, text, bytes]): Envelope => ({ headers: { ...action, "Content-Type": type }, body: Buffer.concat([Buffer.from(text), bytes]), label: `broken envelope (${type})` }));
  return spec.json ? fc.oneof(jsonArgs, broken) : fc.oneof({ weight: 3, arbitrary: reactForm }, noJsForm, jsonArgs, broken);
}

// ---- Plumbing -----------------------------------------------------------------

async function send(visitor: Visitor, method: "GET" | "POST", url: string, envelope?: Envelope) {
  const headers: Record<string, string> = { Origin: world.baseURL, "X-Forwarded-For": address, ...envelope?.headers };
  if (visitor === "owner") headers.Cookie = world.cookie;
  return api.fetch(url, { method, headers, data: envelope?.body, maxRedirects: 0, failOnStatusCode: false, timeout: 30_000 });
}

async function fuzz(name: string, visitor: Visitor, arbitrary: fc.Arbitrary<{ method: "GET" | "POST"; url: string; envelope?: Envelope }>) {
  const before: Checksum = await databaseChecksum();
  await fc.assert(
    fc.asyncProperty(arbitrary, async ({ method, url, envelope }) => {
      const response = await send(visitor, method, url, envelope);
      const status = response.status();
      const body = await response.text();
      const what = `${name} as ${visitor} (${envelope?.label ?? method} ${url.slice(0, 80)}) answered ${status}: ${body.slice(0, 200)}`;
      expect(status, what).toBeLessThan(500);
      // An action forwarded to another page's worker reports a server error inside a 200 RSC payload
      // (a numeric digest; redirects and not-found are digests with a name).
      expect(/:E\{"digest":"\d+"/.test(body), what).toBe(false);
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  expect(await databaseChecksum(), `${name} as ${visitor} changed the database`).toEqual(before);
}

// ---- The tests ------------------------------------------------------------------

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser, baseURL }) => {
  const owner = newUser("fuzz");
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, owner);
  const teamSlug = new URL(page.url()).pathname.split("/")[2]!;
  await createDecision(page, "Fuzzed decision");
  const decisionId = new URL(page.url()).pathname.split("/")[4]!;
  const cookies = await context.cookies();
  await context.close();
  world = { teamSlug, decisionId, version: "1", cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; "), baseURL: baseURL! };
  api = await playwrightRequest.newContext({ baseURL });
  console.log(`fuzz: seed ${SEED}, ${RUNS} runs per target and visitor (FUZZ_SEED / FUZZ_RUNS to change)`);
});

test.afterAll(async () => {
  await api?.dispose();
});

const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { node: Record<string, { exportedName: string }> };
const builtActions = Object.entries(manifest.node).map(([id, a]) => ({ id, name: a.exportedName }));

test("every server action of the build has a fuzz spec", () => {
  expect(builtActions.map((a) => a.name).filter((n) => !(n in ACTIONS))).toEqual([]);
});

for (const visitor of ["anonymous", "owner"] as const) {
  test(`server actions refuse malformed input as ${visitor}: no 500, nothing written`, async () => {
    test.setTimeout(240_000);
    for (const { id, name } of builtActions) {
      const spec = ACTIONS[name];
      if (!spec || (name === "signOutAction" && visitor === "owner")) continue; // signing out is what it should do
      // Anonymous posts go to a public page (the proxy would send them to sign-in first).
      const page = visitor === "owner" ? `/t/${world.teamSlug}` : "/";
      await fuzz(name, visitor, actionRequests(id, spec).map((envelope) => ({ method: "POST" as const, url: page, envelope })));
    }
  });

  test(`route handlers refuse malformed input as ${visitor}: no 500, nothing written`, async () => {
    test.setTimeout(240_000);
    // Long, but within what a URL can carry and a sign-in redirect's Location header (with the URL as callbackUrl) can echo to Node's 16 KB header limit.
    const segment = fc.oneof(fc.constant("x"), oddString.filter((s) => s.length > 0), huge.map((s) => s.slice(0, 2000))).map((s) => encodeURIComponent(wellFormed(s)).slice(0, 600).replace(/%[0-9A-F]?$/, ""));
    const team = fc.oneof(fc.constant(world.teamSlug), segment);
    const decision = fc.oneof(fc.constant(world.decisionId), segment);
    const form = (spec: ActionSpec) =>
      fc.oneof(
        formFields(spec).map((entries): Envelope => {
          const { body, type } = multipart(entries);
          return { headers: { "Content-Type": type, Accept: "application/json" }, body, label: "multipart" };
        }),
        fc
          .tuple(fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml"), fc.string({ maxLength: 100 }), fc.constantFrom(...INVALID_UTF8))
          .map(([type, text, bytes]): Envelope => ({ headers: { "Content-Type": type }, body: Buffer.concat([Buffer.from(text), bytes]), label: `body as ${type}` })),
      );
    const json = fc
      .oneof(fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? "null"), fc.constantFrom("{", "{\"__proto__\":{\"x\":1},\"rubricVersion\":\"v1\",\"answers\":{\"__proto__\":1}}", "{\"rubricVersion\":\"v1\",\"answers\":[]}"), huge.map((s) => JSON.stringify({ rubricVersion: "v1", answers: { x: s } })))
      .chain((body) => fc.constantFrom("application/json", "text/plain", "multipart/form-data", "application/json; charset=latin1").map((type): Envelope => ({ headers: { "Content-Type": type }, body, label: `JSON as ${type}` })));

    type Req = { method: "GET" | "POST"; url: string; envelope?: Envelope };
    const routes: [string, fc.Arbitrary<Req>][] = [
      ["POST /api/v1/score", json.map((envelope) => ({ method: "POST", url: "/api/v1/score", envelope }))],
      ["GET /api/v1/rubrics/[version]", segment.map((v) => ({ method: "GET", url: `/api/v1/rubrics/${v}` }))],
      ["GET /api/v1/openapi.json", segment.map((v) => ({ method: "GET", url: `/api/v1/openapi.json?${v}=${v}` }))],
      [
        "POST …/steps/[stepId]/save",
        fc
          .tuple(team, decision, fc.oneof(fc.constant("constraints"), segment), form(ACTIONS.saveStepAction!))
          .map(([t, d, s, envelope]) => ({ method: "POST", url: `/t/${t}/decisions/${d}/steps/${s}/save`, envelope })),
      ],
      ...(["join", "answer", "control"] as const).map((name): [string, fc.Arbitrary<Req>] => [
        `POST /live/[code]/${name}`,
        fc
          .tuple(segment, form({ fields: ["step", "displayName", "role", "action", "answers"], required: [] }))
          .map(([code, envelope]) => ({ method: "POST", url: `/live/${code}/${name}`, envelope })),
      ]),
      ["GET /live/[code]/state", segment.map((code) => ({ method: "GET", url: `/live/${code}/state` }))],
      [
        "GET decisions.csv / exports",
        fc
          .tuple(team, decision, fc.constantFrom("decisions.csv", "export/json", "export/markdown"), segment, segment)
          .map(([t, d, kind, k, v]) => ({ method: "GET", url: kind === "decisions.csv" ? `/t/${t}/decisions.csv?q=${v}&status=${k}&page=${v}&${k}=${v}` : `/t/${t}/decisions/${d}/${kind}?${k}=${v}` })),
      ],
      ["GET /s/[token]/opengraph-image", segment.map((token) => ({ method: "GET", url: `/s/${token}/opengraph-image` }))],
      [
        "POST /api/auth/[...nextauth]",
        fc
          .tuple(fc.constantFrom("callback/credentials", "signin/credentials", "signout", "session", "csrf", "callback/nope", "__proto__"), form({ fields: ["email", "password", "csrfToken", "callbackUrl"], required: ["email", "password"] }))
          .map(([p, envelope]) => ({ method: "POST", url: `/api/auth/${p}`, envelope })),
      ],
    ];
    for (const [name, arbitrary] of routes) await fuzz(name, visitor, arbitrary);
  });
}
