import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in-as";

test("a manager previews a broadcast per recipient and schedules it", async ({ page }, info) => {
  test.skip(info.project.name === "phone", "the same form; covered on desktop");
  await signIn(page, "manager@demo-nl.test");

  await page.goto("/broadcasts/new");
  await page.getByRole("button", { name: "Schedule broadcast" }).click();
  await expect(page.getByText("Give the broadcast a name.")).toBeVisible();

  await page.getByLabel("Name").fill("Nieuw binnen – e2e");
  await page.getByLabel("Template").selectOption("new_arrivals");
  await page.getByLabel("Variable {{3}}").fill("twee Volkswagen Golfs");
  await page.getByRole("checkbox", { name: "WhatsApp", exact: true }).check();
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("list", { name: "Preview per recipient" });
  await expect(preview).toBeVisible();
  await expect(preview.getByText(/twee Volkswagen Golfs/).first()).toBeVisible();

  await page.getByRole("button", { name: "Schedule broadcast" }).click();
  await expect(page.getByRole("heading", { name: "Nieuw binnen – e2e" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Recipients by status/ }).or(page.getByText("Recipients by status")).first()).toBeVisible();
  await page.goto("/broadcasts");
  await expect(page.getByRole("link", { name: "Nieuw binnen – e2e" })).toBeVisible();
});

test("a sales rep has no broadcasts", async ({ page }) => {
  await signIn(page, "sales2@demo-nl.test");
  expect((await page.goto("/broadcasts/new"))?.status()).toBe(403);
});
