import { expect, type Page } from "@playwright/test";

/** Signs a demo account in through the real form and waits for the inbox it lands on. */
export async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("forecourt-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/inbox/, { timeout: 30_000 });
}
