import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in-as";

test.describe("signing in", () => {
  test("a wrong password gets a clear error", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill("owner@demo-nl.test");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("a demo owner signs in and sees the dashboard shell", async ({ page }, info) => {
    await page.goto("/inbox");
    await expect(page).toHaveURL(/\/sign-in$/);
    await signIn(page, "owner@demo-nl.test");
    await expect(page.getByRole("heading", { name: "Inbox" })).toBeVisible();
    await expect(page.getByText("Autohuis Van Dijk").locator("visible=true").first()).toBeVisible();
    await page.screenshot({ path: `tests/artifacts/screenshots/inbox-${info.project.name}.png`, fullPage: true });
  });
});

test("signing in brings you back to the page you were going to", async ({ page }) => {
  await page.goto("/inventory?status=available");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Finventory%3Fstatus%3Davailable$/);
  await signIn(page, "owner@demo-nl.test", { start: page.url(), landsOn: /\/inventory\?status=available$/ });
  // A link that tries to send the rep elsewhere after signing in lands on the inbox.
  await page.context().clearCookies();
  await signIn(page, "owner@demo-nl.test", { start: "/sign-in?next=%2F%2Fevil.example%2F", landsOn: /\/inbox$/ });
});

test("a sales rep cannot open settings or analytics by URL", async ({ page }) => {
  await signIn(page, "sales1@demo-nl.test");
  for (const path of ["/settings", "/analytics"]) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: /not available for your role/ })).toBeVisible();
  }
});
