import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in-as";

// Every dashboard page fits a phone's width (a long message preview once pushed the inbox wider than the
// screen, and the bottom tabs with it), and the sections behind "More" open from the tab bar.
test("on a phone every dashboard page fits the screen and the More tab opens the other sections", async ({ page }, info) => {
  test.skip(info.project.name !== "phone", "phone layout");
  test.setTimeout(120_000);
  await signIn(page, "manager@demo-nl.test");

  for (const path of ["/", "/inbox", "/pipeline", "/inventory", "/analytics", "/followups", "/broadcasts", "/assistant", "/assistant/knowledge", "/settings", "/settings/assistant"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} is ${overflow}px wider than the screen`).toBeLessThanOrEqual(0);
  }

  await page.goto("/inbox");
  await page.getByRole("button", { name: "More" }).click();
  await page.getByRole("link", { name: "Follow-ups" }).click();
  await expect(page).toHaveURL(/\/followups$/);
  await expect(page.getByRole("heading", { name: "Follow-ups", level: 1 })).toBeVisible();
});
