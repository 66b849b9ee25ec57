import type { Browser, Page } from "@playwright/test";

import { expect, expectNoA11yViolations, newUser, signOut, signUp, snap, test, type TestUser } from "./support/fixtures";
import { recordCapabilityUrl } from "./support/secrets";
import { createDecision } from "./support/workshop";

type Role = "owner" | "facilitator" | "member" | "viewer";

function teamSlugOf(page: Page): string {
  const slug = new URL(page.url()).pathname.split("/")[2];
  if (!slug) throw new Error(`Not on a team page: ${page.url()}`);
  return slug;
}

/** As an owner on any team page: creates an invitation link in settings and returns its URL. */
async function createInvitationLink(page: Page, teamSlug: string, role: Role, opts: { uses?: number } = {}): Promise<string> {
  await page.goto(`/t/${teamSlug}/settings`);
  await page.getByLabel("Role", { exact: true }).selectOption(role);
  if (opts.uses) {
    await page.getByLabel("Several people, up to").check();
    await page.getByLabel("Maximum number of people").fill(String(opts.uses));
  }
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const url = page.getByLabel("Invitation link", { exact: true });
  await expect(url).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  const link = await url.inputValue();
  recordCapabilityUrl(link);
  return link;
}

/** A new person opens the link, creates an account from it and accepts. */
async function joinBySignUp(browser: Browser, link: string, user: TestUser, teamName: RegExp | string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Your name").fill(user.name);
  await page.getByLabel("Work email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(new URL(link).pathname);
  await page.getByRole("button", { name: /^Accept and join/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: teamName })).toBeVisible();
  return { context, page };
}

test.describe("teams: invitations and roles", () => {
  // Several people sign up (password hashing) and join in each test.
  test.describe.configure({ timeout: 120_000 });

  test("an invited person signs up through the link and lands in the team with exactly their role's rights", async ({ page, browser }) => {
    const owner = newUser("owner");
    await signUp(page, owner);
    const teamSlug = teamSlugOf(page);
    const teamName = `${owner.name.split(" ")[0]}'s team`;
    await createDecision(page, "Support reply drafts");
    const decisionUrl = page.url();

    const memberLink = await createInvitationLink(page, teamSlug, "member");
    await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.getByRole("button", { name: "Copy link" }).click();
    await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(memberLink);
    await expect(page.getByTestId("invitation-row").first()).toContainText(/Member · Active/);
    await expectNoA11yViolations(page);
    await snap(page, "team-settings-owner");
    // Shown once: a reload no longer shows the link.
    await page.reload();
    await expect(page.getByLabel("Invitation link", { exact: true })).toHaveCount(0);

    // The anonymous visitor sees who invites them, to what, as what.
    const anon = await browser.newContext();
    const anonPage = await anon.newPage();
    const response = await anonPage.goto(memberLink);
    expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
    await expect(anonPage.getByRole("heading", { level: 1 })).toHaveText(`${owner.name} invited you to ${teamName} as member`);
    await expect(anonPage.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", `/sign-in?callbackUrl=${encodeURIComponent(new URL(memberLink).pathname)}`);
    await expectNoA11yViolations(anonPage);
    await snap(anonPage, "invite-anonymous");
    await anon.close();

    const member = newUser("member");
    const joined = await joinBySignUp(browser, memberLink, member, teamName);
    await expect(joined.page).toHaveURL(`/t/${teamSlug}`);
    await expect(joined.page.getByText("Team · you are member")).toBeVisible();
    // A member has no settings actions: the roles are read-only, with the reason.
    await joined.page.getByRole("link", { name: "Team settings" }).click();
    await expect(joined.page.getByText(/Only owners invite people, change roles and remove members/)).toBeVisible();
    await expect(joined.page.getByRole("button", { name: "Create invitation link" })).toHaveCount(0);
    await expect(joined.page.getByRole("combobox")).toHaveCount(0);
    await expect(joined.page.getByRole("listitem").filter({ hasText: member.name })).toContainText("Member");
    await expectNoA11yViolations(joined.page);
    await snap(joined.page, "team-settings-member");
    // …and may answer the workshop.
    await joined.page.goto(decisionUrl);
    await expect(joined.page.getByText(/Viewers can read the workshop but not answer/)).toHaveCount(0);
    await joined.context.close();

    // The used link is gone for the next person: one friendly 404.
    const late = await browser.newContext();
    const latePage = await late.newPage();
    const gone = await latePage.goto(memberLink);
    expect(gone?.status()).toBe(404);
    await expect(latePage.getByRole("heading", { name: "This invitation is no longer valid" })).toBeVisible();
    await expectNoA11yViolations(latePage);
    await snap(latePage, "invite-invalid");
    await late.close();

  });

  test("a viewer who joins by link reads a workshop step read-only", async ({ page, browser }) => {
    const owner = newUser("owner");
    await signUp(page, owner);
    const teamSlug = teamSlugOf(page);
    await createDecision(page, "Contract clause search");
    const decisionUrl = page.url();
    const viewerLink = await createInvitationLink(page, teamSlug, "viewer");
    const viewer = await joinBySignUp(browser, viewerLink, newUser("viewer"), `${owner.name.split(" ")[0]}'s team`);
    await expect(viewer.page.getByText("Team · you are viewer")).toBeVisible();
    await expect(viewer.page.getByRole("link", { name: "New decision" })).toHaveCount(0);
    await viewer.page.goto(decisionUrl);
    await expect(viewer.page.getByText("Viewers can read the workshop but not answer. Ask a team owner for the member role.")).toBeVisible();
    await expect(viewer.page.getByRole("radio").first()).toBeDisabled();
    await viewer.context.close();
  });

  test("an existing user accepts by signing in, and a multi-use link counts its uses", async ({ page, browser }) => {
    const owner = newUser("owner");
    await signUp(page, owner);
    const teamSlug = teamSlugOf(page);
    const link = await createInvitationLink(page, teamSlug, "facilitator", { uses: 3 });

    const existing = newUser("existing");
    const context = await browser.newContext();
    const other = await context.newPage();
    await signUp(other, existing);
    await signOut(other);
    await other.goto(link);
    await other.getByRole("link", { name: "Sign in" }).click();
    await other.getByLabel("Email").fill(existing.email);
    await other.getByLabel("Password").fill(existing.password);
    await other.getByRole("button", { name: "Sign in" }).click();
    await expect(other).toHaveURL(new URL(link).pathname);
    await expect(other.getByText(`You are signed in as ${existing.name}`)).toBeVisible();
    await expectNoA11yViolations(other);
    await snap(other, "invite-signed-in");
    await other.getByRole("button", { name: /^Accept and join/ }).click();
    await expect(other).toHaveURL(`/t/${teamSlug}`);
    await expect(other.getByText("Team · you are facilitator")).toBeVisible();
    // Opening the link again as a member just goes to the team, without using it.
    await other.goto(link);
    await other.getByRole("button", { name: /^Accept and join/ }).click();
    await expect(other).toHaveURL(`/t/${teamSlug}`);
    await context.close();

    await page.goto(`/t/${teamSlug}/settings`);
    await expect(page.getByTestId("invitation-row").first()).toContainText("used 1 of 3");
    await page.getByRole("button", { name: /^Revoke / }).click();
    await expect(page.getByTestId("invitation-row").first()).toContainText("Revoked");
    const anon = await browser.newContext();
    expect((await (await anon.newPage()).goto(link))?.status()).toBe(404);
    await anon.close();
  });

  test("an owner changes a role and removes a member; a member leaves; the removed one gets 404", async ({ page, browser }) => {
    const owner = newUser("owner");
    await signUp(page, owner);
    const teamSlug = teamSlugOf(page);
    const teamName = `${owner.name.split(" ")[0]}'s team`;
    const link = await createInvitationLink(page, teamSlug, "viewer", { uses: 2 });
    const alice = newUser("alice");
    const bob = newUser("bob");
    const a = await joinBySignUp(browser, link, alice, teamName);
    const b = await joinBySignUp(browser, link, bob, teamName);

    await page.goto(`/t/${teamSlug}/settings`);
    await page.getByLabel(`Role of ${alice.name}`, { exact: true }).selectOption("facilitator");
    await page.getByRole("button", { name: `Save role of ${alice.name}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "Role saved" })).toBeVisible();
    await a.page.reload();
    await expect(a.page.getByText("Team · you are facilitator")).toBeVisible();
    await expect(a.page.getByRole("link", { name: "New decision" })).toBeVisible();

    await page.getByText(`Remove ${bob.name}…`).click();
    await page.getByRole("button", { name: `Remove ${bob.name}`, exact: true }).click();
    await expect(page.getByTestId("member-row")).toHaveCount(2);
    const removed = await b.page.goto(`/t/${teamSlug}`);
    expect(removed?.status()).toBe(404);
    await b.context.close();

    await a.page.goto(`/t/${teamSlug}/settings`);
    await a.page.getByText("Leave team…").click();
    await a.page.getByRole("button", { name: `Leave ${teamName}` }).click();
    await expect(a.page).not.toHaveURL(new RegExp(`/t/${teamSlug}`));
    expect((await a.page.goto(`/t/${teamSlug}`))?.status()).toBe(404);
    await a.context.close();

    await page.reload();
    await expect(page.getByTestId("member-row")).toHaveCount(1);
  });

  test("the last owner cannot leave or demote themself, and is told why", async ({ page }) => {
    const owner = newUser("owner");
    await signUp(page, owner);
    const teamSlug = teamSlugOf(page);
    await page.goto(`/t/${teamSlug}/settings`);
    await page.getByLabel(`Role of ${owner.name}`, { exact: true }).selectOption("member");
    await page.getByRole("button", { name: `Save role of ${owner.name}` }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/A team needs at least one owner/);
    await page.reload();
    await expect(page.getByLabel(`Role of ${owner.name}`, { exact: true })).toHaveValue("owner");

    await page.getByText("Leave team…").click();
    await expect(page.getByText(/You are the last owner/)).toBeVisible();
    await page.getByRole("button", { name: /^Leave / }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/last owner of this team/);
    await page.goto(`/t/${teamSlug}`);
    await expect(page.getByText("Team · you are owner")).toBeVisible();
  });
});

