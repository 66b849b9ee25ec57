import fs from "node:fs";

import { sqlValue } from "./support/db";
import { expect, expectNoA11yViolations, newUser, signUp, snap, test } from "./support/fixtures";
import { createDecision } from "./support/workshop";

/**
 * Team export (owner, settings) → import as a new team (another account, New team page).
 * The DAL tests cover every field of the round trip; here a person does it in a browser.
 */
test.describe("team export and import", () => {
  test.describe.configure({ timeout: 120_000 });

  test("an owner downloads the team; someone else imports it as a new team that shows its decisions", async ({ page, browser }, testInfo) => {
    const owner = newUser("exporter");
    await signUp(page, owner);
    const teamSlug = new URL(page.url()).pathname.split("/")[2]!;
    await createDecision(page, "Support reply drafts");

    await page.goto(`/t/${teamSlug}/settings`);
    await expect(page.getByRole("heading", { name: "Export" })).toBeVisible();
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export team (JSON)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^levelset-team-${teamSlug}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const file = testInfo.outputPath("team.json");
    await download.saveAs(file);
    const exported = JSON.parse(fs.readFileSync(file, "utf8")) as { format: string; decisions: { title: string }[]; members: { email: string }[] };
    expect(exported.format).toBe("levelset.team/v1");
    expect(exported.decisions.map((d) => d.title)).toEqual(["Support reply drafts"]);
    expect(exported.members.map((m) => m.email)).toEqual([owner.email]);

    // Another person, not in the owner's team: the export is a 404 for them, the import works.
    const context = await browser.newContext();
    const other = await context.newPage();
    const importer = newUser("importer");
    await signUp(other, importer);
    expect((await other.request.get(`/t/${teamSlug}/settings/export`)).status()).toBe(404);

    await other.goto("/teams/new");
    await expect(other.getByRole("heading", { name: "Or import a team" })).toBeVisible();
    await expectNoA11yViolations(other);
    await other.getByLabel("Team file").setInputFiles(file);
    await other.getByLabel("Name of the new team").fill("Imported support team");
    await other.getByRole("button", { name: "Import team" }).click();
    await expect(other.getByText("Team imported")).toBeVisible();
    await expect(other.getByText("Imported support team holds 1 decision and the team’s history; you are its owner.")).toBeVisible();
    await expect(other.getByText(`Not added (no account here, or you chose not to add people): ${owner.email}.`)).toBeVisible();
    await snap(other, "team-import-done");
    await other.getByRole("link", { name: "Open Imported support team" }).click();
    await expect(other.getByRole("heading", { level: 1, name: "Imported support team" })).toBeVisible();
    await expect(other.getByRole("link", { name: "Support reply drafts" })).toBeVisible();
    // The importer owns the new team: they can export it in turn.
    const newSlug = new URL(other.url()).pathname.split("/")[2]!;
    expect(newSlug).not.toBe(teamSlug);
    const again = await other.request.get(`/t/${newSlug}/settings/export`);
    expect(again.status()).toBe(200);
    expect(((await again.json()) as { decisions: { title: string }[] }).decisions.map((d) => d.title)).toEqual(["Support reply drafts"]);
    await context.close();
  });

  test("a file that is not a team export is refused with the reason on the file field, and no team is created", async ({ page }, testInfo) => {
    const user = newUser("importer");
    await signUp(page, user);
    const bad = testInfo.outputPath("decision.json");
    fs.writeFileSync(bad, JSON.stringify({ format: "levelset.decision/v1", title: "One decision" }));
    await page.goto("/teams/new");
    await page.getByLabel("Team file").setInputFiles(bad);
    await page.getByRole("button", { name: "Import team" }).click();
    await expect(page.getByText(/format: Not a LevelSet team file/)).toBeVisible();
    await expect(page.getByLabel("Team file")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("nothing was changed");
    await expectNoA11yViolations(page);
    // Still only the team they got at sign-up.
    const teams = await sqlValue<number | string>('SELECT count(*) FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = ?', user.email);
    expect(Number(teams)).toBe(1);
  });
});
