import { randomBytes } from "node:crypto";

import type { APIRequestContext, BrowserContext, Page } from "@playwright/test";

import { fillPath, PAGE_ROWS, WRITE_ROWS } from "../lib/authz/matrix";
import { expect, newUser, test } from "./support/fixtures";
import { recordCapabilityUrl } from "./support/secrets";
import { invitationLink, signUpThrough } from "./support/team";
import { createDecision, openNewDecisionForm, rubric } from "./support/workshop";

/**
 * Team A's private fields hold unique, secret-looking strings. Team B's member,
 * an anonymous visitor, a visitor holding a share link to a *different* team-A
 * decision, and the public API then get every page and route the authorization
 * matrix lists (with team A's real slug and decision id, and, for team B's
 * member, team B's own), following every redirect, as HTML and as RSC: no
 * sentinel may appear in any status line's body or header.
 */

const tag = randomBytes(5).toString("hex");
/** Lower-case letters and digits only, so each also works inside an email address. */
const s = (label: string) => `sntl${label}${tag}`;

const SENTINEL = {
  ownerName: s("ownername"),
  ownerEmail: s("owneremail"),
  memberName: s("membername"),
  memberEmail: s("memberemail"),
  facilitatorEmail: s("facilitatoremail"),
  teamName: s("teamname"),
  /** The team's first name: after the rename it lives only in the audit trail. */
  formerTeamName: s("formerteamname"),
  title: s("title"),
  context: s("context"),
  participant: s("participant"),
  note: s("note"),
  rationale: s("rationale"),
  guestName: s("guestname"),
} as const;
type SentinelName = keyof typeof SENTINEL | "ownerPassword" | "memberPassword" | "facilitatorPassword" | "shareTokenOfX" | "invitationToken";

/** What the share page of another decision legitimately shows: who shared it. */
const SHOWN_ON_SHARE_PAGE: ReadonlySet<SentinelName> = new Set(["teamName"]);

type World = {
  secrets: Map<SentinelName, string>;
  owner: BrowserContext;
  teamB: BrowserContext;
  anonymous: BrowserContext;
  valuesA: Record<string, string>;
  valuesB: Record<string, string>;
  shareOfY: string;
  guest: BrowserContext;
};
let world: World;

test.describe.configure({ mode: "serial" });

async function rename(page: Page, teamSlug: string, name: string) {
  await page.goto(`/t/${teamSlug}/settings`);
  await page.getByLabel("Team name").fill(name);
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("main").getByRole("link", { name, exact: true })).toBeVisible();
}

async function shareLink(page: Page): Promise<string> {
  await page.getByRole("link", { name: "Share", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Share this decision" })).toBeVisible();
  await page.getByRole("button", { name: "Create link" }).click();
  const url = page.getByTestId("share-url");
  await expect(url).toHaveValue(/\/s\/[A-Za-z0-9_-]{43}$/);
  const link = await url.inputValue();
  recordCapabilityUrl(link);
  return new URL(link).pathname;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  const secrets = new Map<SentinelName, string>(Object.entries(SENTINEL) as [SentinelName, string][]);

  // Team A: an owner, a member and a facilitator, every private field seeded through the UI.
  const ownerUser = { ...newUser("owner"), name: `Olive ${SENTINEL.ownerName}`, email: `${SENTINEL.ownerEmail}@e2e.levelset.test` };
  const owner = await signUpThrough(browser, ownerUser);
  const page = await owner.newPage();
  await page.goto("/t");
  await expect(page).toHaveURL(/\/t\/[a-z0-9-]+$/);
  const teamSlug = new URL(page.url()).pathname.split("/")[2]!;
  await rename(page, teamSlug, SENTINEL.formerTeamName);
  await rename(page, teamSlug, SENTINEL.teamName);

  const memberUser = { ...newUser("member"), name: `Mo ${SENTINEL.memberName}`, email: `${SENTINEL.memberEmail}@e2e.levelset.test` };
  const facilitatorUser = { ...newUser("facilitator"), name: `Fay Plain ${tag}`, email: `${SENTINEL.facilitatorEmail}@e2e.levelset.test` };
  const [member, facilitator] = [
    await signUpThrough(browser, memberUser, await invitationLink(page, teamSlug, "member")),
    await signUpThrough(browser, facilitatorUser, await invitationLink(page, teamSlug, "facilitator")),
  ];
  await member.close();

  // Decision X: title, use case, participants, a step's notes, the recorded rationale.
  await page.goto(`/t/${teamSlug}`);
  await openNewDecisionForm(page);
  await page.getByLabel("Title", { exact: true }).fill(`Decision ${SENTINEL.title}`);
  await page.getByLabel("Use case").fill(`Summaries for ${SENTINEL.context}.`);
  await page.getByLabel("Participants").fill(`Ana (PM)\n${SENTINEL.participant}`);
  await page.getByRole("button", { name: "Create and start the workshop" }).click();
  await expect(page.getByRole("heading", { level: 1, name: rubric.sections[0]!.title })).toBeVisible();
  const decisionX = new URL(page.url()).pathname.split("/")[4]!;
  await page.getByLabel("Notes for this step").fill(`The room said ${SENTINEL.note}.`);
  await page.getByRole("button", { name: /^Next\b/ }).click();
  await expect(page).not.toHaveURL(/steps\/constraints$/);
  await page.goto(`/t/${teamSlug}/decisions/${decisionX}/result`);
  await page.getByRole("textbox", { name: /Rationale/ }).fill(`Because ${SENTINEL.rationale}.`);
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByText(`Rationale: Because ${SENTINEL.rationale}.`)).toBeVisible();
  // X's own share link and a spare invitation: tokens nobody outside may see.
  secrets.set("shareTokenOfX", (await shareLink(page)).split("/").pop()!);
  secrets.set("invitationToken", (await invitationLink(page, teamSlug, "viewer")).split("/").pop()!);
  await page.close();

  // Decision Y, plain, created and shared by the facilitator: the share link an outsider holds.
  const facPage = await facilitator.newPage();
  await facPage.goto(`/t/${teamSlug}`);
  await createDecision(facPage, `Plain shared decision ${tag}`);
  const shareOfY = await shareLink(facPage);
  // A live session of Y with a named guest: the room's names are for the room.
  await facPage.goto(`/t/${teamSlug}/decisions/${new URL(facPage.url()).pathname.split("/")[4]}/steps/constraints`);
  await facPage.getByRole("link", { name: "Run live session" }).click();
  await facPage.getByRole("radio", { name: /^Named/ }).check();
  await facPage.getByRole("button", { name: "Start the live session" }).click();
  await expect(facPage).toHaveURL(/\/live\/[A-Z0-9]{6}$/);
  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(new URL(facPage.url()).pathname);
  await guestPage.getByLabel("Your name").fill(`Gia ${SENTINEL.guestName}`);
  await guestPage.getByRole("button", { name: "Join the session" }).click();
  await expect(guestPage.getByText("You’re in.")).toBeVisible();
  await expect(facPage.getByRole("complementary").getByText(`Gia ${SENTINEL.guestName}`)).toBeVisible();
  await facilitator.close();

  for (const [name, user] of [["ownerPassword", ownerUser], ["memberPassword", memberUser], ["facilitatorPassword", facilitatorUser]] as const) {
    secrets.set(name, user.password);
  }

  // Team B: its own member with its own decision.
  const teamB = await signUpThrough(browser, newUser("teamb"));
  const pageB = await teamB.newPage();
  await pageB.goto("/t");
  await expect(pageB).toHaveURL(/\/t\/[a-z0-9-]+$/);
  const slugB = new URL(pageB.url()).pathname.split("/")[2]!;
  await createDecision(pageB, `Team B decision ${tag}`);
  const decisionB = new URL(pageB.url()).pathname.split("/")[4]!;
  await pageB.close();

  const dead = { deadToken: "A".repeat(43), token: "B".repeat(43), deadCode: "ZZZZZZ" };
  world = {
    secrets,
    owner,
    teamB,
    anonymous: await browser.newContext(),
    valuesA: { teamSlug, decisionId: decisionX, ...dead },
    valuesB: { teamSlug: slugB, decisionId: decisionB, ...dead },
    shareOfY,
    guest,
  };
});

test.afterAll(async () => {
  for (const context of [world?.owner, world?.teamB, world?.anonymous, world?.guest]) await context?.close();
});

/** Every sentinel found (case-insensitively) in the text. */
function sentinelsIn(text: string, except: ReadonlySet<SentinelName> = new Set()): SentinelName[] {
  const haystack = text.toLowerCase();
  return [...world.secrets].filter(([name, value]) => !except.has(name) && haystack.includes(value.toLowerCase())).map(([name]) => name);
}

type Probe = { method: "GET" | "POST"; url: string; headers?: Record<string, string>; multipart?: Record<string, string>; data?: unknown };

/** Fetches the URL and every redirect after it; returns each hop's status line, headers and body as one text. */
async function fetchAll(request: APIRequestContext, probe: Probe): Promise<{ hops: string[]; text: string }> {
  const hops: string[] = [];
  let text = "";
  let { method, url } = probe;
  for (let hop = 0; hop < 6; hop++) {
    const response = await request.fetch(url, {
      method,
      headers: probe.headers,
      multipart: method === "POST" ? probe.multipart : undefined,
      data: method === "POST" ? probe.data : undefined,
      maxRedirects: 0,
      failOnStatusCode: false,
    });
    hops.push(`${method} ${url} → ${response.status()}`);
    text += `\n${response.status()} ${JSON.stringify(response.headersArray())}\n${await response.text()}`;
    const location = response.headers()["location"];
    if (response.status() < 300 || response.status() >= 400 || !location) break;
    url = new URL(location, response.url()).toString();
    method = "GET";
  }
  return { hops, text };
}

/** Every page of the matrix (as HTML and as an RSC payload), every fetchable route, and the public API. */
function probesFor(values: Record<string, string>): Probe[] {
  const probes: Probe[] = [];
  for (const row of PAGE_ROWS) {
    const url = fillPath(row.path, values);
    probes.push({ method: "GET", url }, { method: "GET", url, headers: { RSC: "1" } });
  }
  for (const row of WRITE_ROWS.filter((r) => r.kind === "route")) {
    const [method, path] = row.target.split(" ") as ["GET" | "POST", string];
    const url = fillPath(path.replace("[code]", "{deadCode}"), values);
    probes.push({ method, url, multipart: { version: "1", note: "probe", name: "Probe" } });
  }
  for (const url of ["/api/health", "/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/v1/rubrics", "/api/v1/openapi.json"]) {
    probes.push({ method: "GET", url });
  }
  probes.push({ method: "POST", url: "/api/v1/score", data: { rubricVersion: "v1", answers: { "constraints.eval_harness": "none" } } });
  return probes;
}

async function leaksFor(request: APIRequestContext, probes: Probe[], except?: ReadonlySet<SentinelName>): Promise<string[]> {
  const leaks: string[] = [];
  for (const probe of probes) {
    const { hops, text } = await fetchAll(request, probe);
    const found = sentinelsIn(text, except);
    if (found.length > 0) leaks.push(`${hops.join(" ⇒ ")}${probe.headers?.RSC ? " (RSC)" : ""}: ${found.join(", ")}`);
  }
  return leaks;
}

test("the same probes, made by team A's owner, do find the seeded fields (so the probes reach them)", async () => {
  test.setTimeout(180_000);
  const found = new Set((await leaksFor(world.owner.request, probesFor(world.valuesA))).flatMap((leak) => leak.split(": ").pop()!.split(", ")));
  // Everything the team's own pages show (not passwords, tokens or the live room's guest). The former
  // team name is in the owner's team export, whose audit trail records the rename.
  const shown: SentinelName[] = ["ownerName", "ownerEmail", "memberName", "memberEmail", "facilitatorEmail", "teamName", "formerTeamName", "title", "context", "participant", "note", "rationale"];
  expect([...found].sort()).toEqual([...shown].sort());
});

test("team B's member finds none of team A's secrets, on team A's URLs or team B's own", async () => {
  test.setTimeout(180_000);
  const leaks = [
    ...(await leaksFor(world.teamB.request, probesFor(world.valuesA))),
    ...(await leaksFor(world.teamB.request, probesFor(world.valuesB))),
  ];
  expect(leaks).toEqual([]);
});

test("an anonymous visitor finds none of them, on any page, route or API", async () => {
  test.setTimeout(180_000);
  expect(await leaksFor(world.anonymous.request, probesFor(world.valuesA))).toEqual([]);
});

test("the share page of another team-A decision shows that decision only", async () => {
  const { hops, text } = await fetchAll(world.anonymous.request, { method: "GET", url: world.shareOfY });
  expect(hops).toEqual([`GET ${world.shareOfY} → 200`]);
  expect(text).toContain(`Plain shared decision ${tag}`);
  // The team's name is what the page says it was shared by; nothing else of team A's.
  expect(sentinelsIn(text)).toEqual(["teamName"]);
  expect(sentinelsIn(text, SHOWN_ON_SHARE_PAGE)).toEqual([]);
});
