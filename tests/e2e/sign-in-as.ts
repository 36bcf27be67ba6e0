import { expect, type Page } from "@playwright/test";

/**
 * Signs a demo account in through the real form (from `start`, the sign-in page unless given) and waits for the page it
 * lands on (the inbox unless given). The suite signs in more
 * often than the per-address limit (20 a minute) allows on a fast machine: like a person, it waits as told and
 * tries again.
 */
export async function signIn(page: Page, email: string, o: { start?: string; landsOn?: RegExp } = {}) {
  const landsOn = o.landsOn ?? /\/inbox/;
  for (let attempt = 1; ; attempt++) {
    await page.goto(o.start ?? "/sign-in");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill("forecourt-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    const limited = page.getByText(/Too many sign-in attempts\. Wait (\d+) seconds?/);
    await expect.poll(async () => landsOn.test(page.url()) || (await limited.isVisible()), { timeout: 30_000 }).toBe(true);
    if (!(await limited.isVisible()) || attempt === 4) break;
    const seconds = Number(/Wait (\d+) second/.exec((await limited.textContent()) ?? "")?.[1] ?? 5);
    await page.waitForTimeout((seconds + 1) * 1000);
  }
  await expect(page).toHaveURL(landsOn, { timeout: 30_000 });
}
