import { expect, expectNoA11yViolations, formAlert, newUser, signIn, signOut, signUp, snap, test } from "./support/fixtures";

test.describe("accounts", () => {
  test("sign up lands in your own team; sign out; sign in again", async ({ page }) => {
    const user = newUser("owner");
    await page.goto("/sign-up");
    await expectNoA11yViolations(page);
    await snap(page, "sign-up");

    await signUp(page, user);
    const firstName = user.name.split(" ")[0];
    await expect(page.getByRole("heading", { level: 1, name: `${firstName}'s team` })).toBeVisible();
    await expect(page.getByText("No decisions yet")).toBeVisible();
    await expectNoA11yViolations(page);
    await snap(page, "team-empty");
    const teamUrl = page.url();

    await signOut(page);
    await page.goto(teamUrl);
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);

    await signIn(page, user);
    await expect(page).toHaveURL(teamUrl);
    await expect(page.getByRole("heading", { level: 1, name: `${firstName}'s team` })).toBeVisible();
  });

  test("a wrong password and an unknown email get the same message, and the email is kept", async ({ page }) => {
    const user = newUser("wrongpw");
    await signUp(page, user);
    await signOut(page);

    await signIn(page, { email: user.email, password: "not-the-right-password" });
    const alert = formAlert(page);
    await expect(alert).toContainText("don't match an account");
    const wrongPasswordMessage = await alert.textContent();
    await expect(page.getByLabel("Email")).toHaveValue(user.email);
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expectNoA11yViolations(page);
    await snap(page, "sign-in-error");

    await signIn(page, { email: `nobody-${user.email}`, password: "not-the-right-password" });
    await expect(formAlert(page)).toHaveText(wrongPasswordMessage ?? "");
  });

  test("a taken email is reported at the field, keeping what was typed", async ({ page }) => {
    const user = newUser("taken");
    await signUp(page, user);
    await signOut(page);

    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Someone Else");
    await page.getByLabel("Work email").fill(user.email);
    await page.getByLabel("Password").fill("another-long-password");
    await page.getByRole("button", { name: "Create account" }).click();
    const email = page.getByLabel("Work email");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("An account with this email already exists")).toBeVisible();
    await expect(email).toHaveValue(user.email);
    await expect(page.getByLabel("Your name")).toHaveValue("Someone Else");
    await expect(page.getByLabel("Password")).toHaveValue("");
  });

  test("a short password is refused at the field", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Short Password");
    await page.getByLabel("Work email").fill(newUser("short").email);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Use at least 12 characters")).toBeVisible();
    await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  });

  test("another user visiting your team URL gets 404", async ({ browser }) => {
    const ownerContext = await browser.newContext();
    const owner = await ownerContext.newPage();
    await signUp(owner, newUser("private"));
    const teamUrl = new URL(owner.url()).pathname;

    const strangerContext = await browser.newContext();
    const stranger = await strangerContext.newPage();
    await signUp(stranger, newUser("stranger"));
    const response = await stranger.goto(teamUrl);
    expect(response?.status()).toBe(404);
    await expect(stranger.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
    await snap(stranger, "not-found");
    await ownerContext.close();
    await strangerContext.close();
  });
});
