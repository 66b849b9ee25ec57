import { randomInt } from "node:crypto";

import { expect, expectNoA11yViolations, formAlert, newUser, signIn, signUp, snap, test } from "./support/fixtures";
import { recordSecret } from "./support/secrets";

test.describe("account: changing the password", () => {
  test.describe.configure({ timeout: 120_000 });

  test("signs out every other session at its next navigation, keeps this one, and only the new password works", async ({ page, browser }) => {
    const user = newUser("account");
    await signUp(page, user);
    const teamUrl = new URL(page.url()).pathname;

    // The same person signed in elsewhere (another browser).
    const elsewhere = await browser.newContext();
    const other = await elsewhere.newPage();
    await signIn(other, user);
    await expect(other).toHaveURL(teamUrl);

    await page.getByRole("link", { name: "Account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    await expect(page.getByText(user.email)).toBeVisible();
    await expectNoA11yViolations(page);
    await snap(page, "account");

    // A wrong current password: said at the field, nothing changes, the other session lives on.
    await page.getByLabel("Current password").fill("not-my-current-password");
    await page.getByLabel("New password", { exact: true }).fill("a-new-long-passphrase");
    await page.getByLabel("Confirm new password").fill("a-new-long-passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    const current = page.getByLabel("Current password");
    await expect(current).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("That isn’t your current password")).toBeVisible();
    await expect(current).toHaveValue("");
    await expectNoA11yViolations(page);
    await snap(page, "account-error");
    await other.reload();
    await expect(other).toHaveURL(teamUrl);

    // A confirmation that doesn't match.
    await page.getByLabel("Current password").fill(user.password);
    await page.getByLabel("New password", { exact: true }).fill("a-new-long-passphrase");
    await page.getByLabel("Confirm new password").fill("a-new-long-passphrase-typo");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByLabel("Confirm new password")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("This doesn’t match the new password")).toBeVisible();

    const newPassword = `${user.password}-changed`;
    recordSecret("password", newPassword);
    await page.getByLabel("Current password").fill(user.password);
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Confirm new password").fill(newPassword);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/account\?changed=1$/);
    await expect(page.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();
    await expectNoA11yViolations(page);
    await snap(page, "account-changed");

    // This browser stays signed in …
    await page.goto(teamUrl);
    await expect(page).toHaveURL(teamUrl);
    await expect(page.getByTestId("current-user")).toHaveText(user.name);

    // … the other one is signed out at its next navigation.
    await other.goto(teamUrl);
    await expect(other).toHaveURL(/\/sign-in\?callbackUrl=/);

    await signIn(other, user);
    await expect(formAlert(other)).toContainText("don't match an account");
    await signIn(other, { email: user.email, password: newPassword });
    await expect(other).toHaveURL(teamUrl);
    await elsewhere.close();
  });

  test("wrong current passwords are rate-limited like sign-ins, for the account", async ({ browser }) => {
    // Its own client address (a TEST-NET one), so these failures don't count against other tests' address.
    const address = `198.18.${randomInt(0, 256)}.${randomInt(1, 255)}`;
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
    const page = await context.newPage();
    const user = newUser("locked");
    await signUp(page, user);
    await page.goto("/account");
    for (let i = 1; i <= 10; i++) {
      await page.getByLabel("Current password").fill(`wrong-guess-number-${i}`);
      await page.getByLabel("New password", { exact: true }).fill("a-new-long-passphrase");
      await page.getByLabel("Confirm new password").fill("a-new-long-passphrase");
      await page.getByRole("button", { name: "Change password" }).click();
      // The form is reset when the server's answer is in.
      await expect(page.getByLabel("Current password")).toHaveValue("");
      await expect(page.getByText("That isn’t your current password")).toBeVisible();
    }
    // The eleventh, even with the right password, is refused with a wait.
    await page.getByLabel("Current password").fill(user.password);
    await page.getByLabel("New password", { exact: true }).fill("a-new-long-passphrase");
    await page.getByLabel("Confirm new password").fill("a-new-long-passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(formAlert(page)).toContainText(/Too many failed attempts\. For your security, wait 1[45] minutes/);

    // The account is locked for sign-in too (from anywhere), so the old password still is the password.
    const fresh = await browser.newContext();
    const signInPage = await fresh.newPage();
    await signIn(signInPage, user);
    await expect(formAlert(signInPage)).toContainText("Too many failed attempts");
    await fresh.close();
    await context.close();
  });
});
