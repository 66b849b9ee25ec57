import { createHash } from "node:crypto";

import type { Browser, BrowserContext } from "@playwright/test";

import { fillPath, PAGE_ROWS, type Visitor, VISITORS, WRITE_ROWS, type WriteRow } from "../lib/authz/matrix";
import { sql, sqlValue } from "./support/db";
import { expect, newUser, signUp, test, type TestUser } from "./support/fixtures";
import { invitationLink, signUpThrough } from "./support/team";
import { createDecision } from "./support/workshop";

/**
 * Walks lib/authz/matrix.ts: six kinds of visitor of one team (the owner
 * signs up; the others join through real invitation links), every page row
 * visited by each, every write row posted by each, and the team's rows in the
 * e2e database checksummed around every denial.
 */

type World = {
  contexts: Record<Visitor, BrowserContext>;
  users: Partial<Record<Visitor, TestUser>>;
  values: Record<string, string>;
  teamId: string;
};

/** Every row of the team in the tables actions write, hashed: a denial must not change it. */
async function teamChecksum(teamId: string) {
  const out: Record<string, { count: number; hash: string }> = {};
  const queries = {
    Team: 'SELECT * FROM "Team" WHERE id = ?',
    Membership: 'SELECT * FROM "Membership" WHERE "teamId" = ? ORDER BY id',
    Invitation: 'SELECT * FROM "Invitation" WHERE "teamId" = ? ORDER BY id',
    Decision: 'SELECT * FROM "Decision" WHERE "teamId" = ? ORDER BY id',
    AuditEvent: 'SELECT * FROM "AuditEvent" WHERE "teamId" = ? ORDER BY id',
  };
  for (const [table, text] of Object.entries(queries)) {
    const { rows } = await sql(text, teamId);
    out[table] = { count: rows.length, hash: createHash("sha256").update(JSON.stringify(rows)).digest("hex") };
  }
  return out;
}

let world: World;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  const ownerUser = newUser("owner");
  const ownerContext = await browser.newContext();
  const page = await ownerContext.newPage();
  await signUp(page, ownerUser);
  const teamSlug = new URL(page.url()).pathname.split("/")[2]!;
  await createDecision(page, "Matrix decision");
  const decisionId = new URL(page.url()).pathname.split("/")[4]!;
  const links = {
    viewer: await invitationLink(page, teamSlug, "viewer"),
    member: await invitationLink(page, teamSlug, "member"),
    facilitator: await invitationLink(page, teamSlug, "facilitator"),
  };
  const spare = await invitationLink(page, teamSlug, "viewer", 100);
  await page.close();
  const users = { owner: ownerUser, viewer: newUser("viewer"), member: newUser("member"), facilitator: newUser("facilitator"), non_member: newUser("outsider") };
  const [viewer, member, facilitator, nonMember] = await Promise.all([
    signUpThrough(browser, users.viewer, links.viewer),
    signUpThrough(browser, users.member, links.member),
    signUpThrough(browser, users.facilitator, links.facilitator),
    signUpThrough(browser, users.non_member),
  ]);
  world = {
    contexts: { anonymous: await browser.newContext(), non_member: nonMember, viewer, member, facilitator, owner: ownerContext },
    users,
    values: { teamSlug, decisionId, token: spare.split("/").pop()!, deadToken: "A".repeat(43), deadCode: "ZZZZZZ" },
    teamId: await sqlValue<string>('SELECT id FROM "Team" WHERE slug = ?', teamSlug),
  };
});

test.afterAll(async () => {
  for (const context of Object.values(world?.contexts ?? {})) await context.close();
});

test("every page answers each kind of visitor as the matrix says", async () => {
  test.setTimeout(120_000);
  const failures: string[] = [];
  for (const row of PAGE_ROWS) {
    const url = fillPath(row.path, world.values);
    for (const visitor of VISITORS) {
      const expected = row.expect[visitor];
      const request = world.contexts[visitor].request;
      const first = await request.get(url, { maxRedirects: 0 });
      const location = first.headers()["location"] ?? "";
      const final = first.status() >= 300 && first.status() < 400 ? await request.get(url) : first;
      const body = await final.text();
      const got = `${first.status()} ${location} → ${final.status()} ${final.url()}`;
      const ok = (() => {
        switch (expected) {
          case "redirect_sign_in":
            return first.status() >= 300 && first.status() < 400 && /\/sign-in\?callbackUrl=/.test(location);
          case "redirect_app":
            return first.status() >= 300 && first.status() < 400 && /(^|\/\/[^/]+)\/t(\/|$)/.test(location);
          case "not_found":
            return final.status() === 404;
          case "forbidden_reason":
            return final.status() === 200 && !!row.reason && row.reason.test(body);
          case "allow":
            return final.status() === 200 && (url.startsWith("/sign-") || !final.url().includes("/sign-in")) && !(row.reason && row.reason.test(body));
        }
      })();
      if (!ok) failures.push(`${row.name} as ${visitor}: expected ${expected}, got ${got}`);
    }
  }
  expect(failures).toEqual([]);
});

test("the step save route writes for answerers only; every denial leaves the team's rows unchanged", async () => {
  const row = WRITE_ROWS.find((r) => r.name === "step save (page-hide)")!;
  const url = fillPath(row.target.split(" ")[1]!, world.values);
  for (const visitor of VISITORS) {
    const version = await sqlValue<number>('SELECT version FROM "Decision" WHERE id = ?', world.values.decisionId);
    const before = await teamChecksum(world.teamId);
    const response = await world.contexts[visitor].request.post(url, {
      multipart: { version: String(version), note: `Written by the ${visitor}` },
      maxRedirects: 0,
    });
    const after = await teamChecksum(world.teamId);
    if (row.expect[visitor] === "allow") {
      expect(response.status(), visitor).toBe(200);
      expect(await sqlValue<number>('SELECT version FROM "Decision" WHERE id = ?', world.values.decisionId), visitor).toBe(version + 1);
    } else {
      const expected = { not_found: 404, forbidden_reason: 400, redirect_sign_in: 307 } as Record<string, number>;
      expect(response.status(), visitor).toBe(expected[row.expect[visitor]]);
      expect(after, visitor).toEqual(before);
    }
  }
});

test("the stateless score API answers everyone and writes nothing", async () => {
  for (const visitor of VISITORS) {
    const before = await teamChecksum(world.teamId);
    const response = await world.contexts[visitor].request.post("/api/v1/score", {
      data: { rubricVersion: "v1", answers: { "constraints.eval_harness": "none" } },
    });
    expect(response.status(), visitor).toBe(200);
    expect(await teamChecksum(world.teamId)).toEqual(before);
  }
});

test("the team export answers each kind of visitor as the matrix says and writes nothing", async () => {
  const row = WRITE_ROWS.find((r) => r.name === "team export (JSON)")!;
  const url = fillPath(row.target.split(" ")[1]!, world.values);
  const before = await teamChecksum(world.teamId);
  for (const visitor of VISITORS) {
    const response = await world.contexts[visitor].request.get(url, { maxRedirects: 0 });
    const expected = row.expect[visitor];
    if (expected === "allow") {
      expect(response.status(), visitor).toBe(200);
      expect(((await response.json()) as { format: string }).format, visitor).toBe("levelset.team/v1");
    } else if (expected === "forbidden_reason") {
      expect(response.status(), visitor).toBe(403);
      expect(((await response.json()) as { error: string }).error, visitor).toMatch(/Only owners can export the team/);
    } else if (expected === "redirect_sign_in") {
      expect(response.status(), visitor).toBe(307);
      expect(response.headers()["location"], visitor).toMatch(/\/sign-in\?callbackUrl=/);
    } else {
      expect(response.status(), visitor).toBe(404);
    }
  }
  expect(await teamChecksum(world.teamId)).toEqual(before);
});

/** What each replayed form carries besides the owner's defaults: a real attempt, not an empty post. */
const OVERRIDES: Record<string, Record<string, string>> = {
  "create decision": { title: "Injected decision", context: "Written by someone who may not start decisions" },
  "rename team": { name: "Renamed by the matrix" },
  "change role": { role: "owner" },
  "create invitation": { role: "owner", expiry: "never" },
};
/** The owner's own replays that change nothing the other rows depend on: the positive controls. */
const OWNER_REPLAYS = new Set(["create decision", "rename team", "create invitation"]);

/** The form as an owner's browser would post it before hydration (server action id included). */
async function captureForm(row: WriteRow, browser: Browser): Promise<{ url: string; fields: Record<string, string> }> {
  const url = fillPath(row.form!.path, world.values);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await world.contexts.owner.storageState() });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: row.form!.submit, includeHidden: true }) }).first();
    const entries = await form.evaluate((f: HTMLFormElement) => [...new FormData(f)].map(([k, v]) => [k, String(v)] as const));
    expect(entries.some(([k]) => k.startsWith("$ACTION")), `${row.name}: the form posts a server action`).toBe(true);
    return { url, fields: { ...Object.fromEntries(entries), ...OVERRIDES[row.name] } };
  } finally {
    await context.close();
  }
}

for (const row of WRITE_ROWS.filter((r) => r.probe === "replay")) {
  test(`server action "${row.name}": every visitor without the right writes nothing`, async ({ baseURL, browser }) => {
    const { url, fields } = await captureForm(row, browser);
    for (const visitor of VISITORS) {
      const allowed = row.expect[visitor] === "allow";
      if (allowed && !(visitor === "owner" && OWNER_REPLAYS.has(row.name))) continue;
      const before = await teamChecksum(world.teamId);
      const response = await world.contexts[visitor].request.post(url, { multipart: fields, headers: { Origin: baseURL! }, maxRedirects: 0 });
      expect(response.status(), `${row.name} as ${visitor}`).toBeLessThan(500);
      const after = await teamChecksum(world.teamId);
      if (allowed) expect(after, `${row.name} as the owner changes the team`).not.toEqual(before);
      else expect(after, `${row.name} as ${visitor}`).toEqual(before);
    }
  });
}
