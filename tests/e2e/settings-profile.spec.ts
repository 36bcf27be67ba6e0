import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in-as";

// Showroom Mobil Surabaya (demo-id): the test moves its time zone and puts back whatever it was.
test("an owner picks the dealership's time zone and language from lists, and a missing name is a field error", async ({ page }) => {
  await signIn(page, "owner@demo-id.test");
  await page.goto("/settings");
  const zone = page.getByLabel("Time zone");
  const before = await zone.inputValue();
  expect(before).toMatch(/^Asia\//);
  await expect(page.getByLabel("Language")).toHaveValue("id-ID");
  await expect(page.getByLabel("Language").locator("option:checked")).toHaveText("Indonesian (Indonesia)");

  await page.getByLabel("Dealership name").fill("");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Enter the dealership's name.")).toBeVisible();

  const other = before === "Asia/Makassar" ? "Asia/Jakarta" : "Asia/Makassar";
  await page.getByLabel("Dealership name").fill("Showroom Mobil Surabaya");
  await zone.selectOption(other);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Time zone")).toHaveValue(other);

  await page.getByLabel("Time zone").selectOption(before);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();
});
