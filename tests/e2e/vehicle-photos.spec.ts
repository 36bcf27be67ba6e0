import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in-as";

// A car's photo controls were small underlined words and arrows (10 × 16 px) side by side, "Remove" among them: on a
// phone a rep moving a photo could delete it instead.
test("on a phone each photo control of a car is a button big enough to tap", async ({ page }, info) => {
  test.skip(info.project.name !== "phone", "tap targets");
  await signIn(page, "sales1@demo-nl.test");
  await page.goto("/inventory?q=Peugeot 208");
  await page.getByRole("link", { name: /#A\d+ · Peugeot 208/ }).first().click();
  await expect(page).toHaveURL(/\/inventory\/[0-9a-f-]{36}/);
  const controls = page.getByRole("button", { name: /^(Make cover|Move left|Move right|Remove)$/ });
  await expect(controls.first()).toBeVisible();
  expect(await controls.count()).toBeGreaterThanOrEqual(2);
  for (const box of await controls.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ width: r.width, height: r.height })))) {
    expect(box.width).toBeGreaterThanOrEqual(32);
    expect(box.height).toBeGreaterThanOrEqual(32);
  }
});
