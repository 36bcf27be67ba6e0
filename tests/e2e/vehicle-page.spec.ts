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

// The leads interested in a car once showed their stage as stored ("test_drive").
test("a car's interested leads show their stage in words", async ({ page }) => {
  await signIn(page, "manager@demo-nl.test");
  await page.goto("/pipeline?stage=test_drive");
  const car = await page.getByRole("region", { name: /^Test drive/ }).getByRole("listitem").first().getByText(/^#A\d+ /).textContent();
  const code = /^#A\d+/.exec(car ?? "")![0];
  await page.goto(`/inventory?q=${encodeURIComponent(code)}`);
  await page.getByRole("link", { name: new RegExp(`^${code} · `) }).first().click();
  const interested = page.getByRole("region", { name: "Interested leads" });
  await expect(interested).toContainText("Test drive");
  await expect(interested).not.toContainText("test_drive");
});
