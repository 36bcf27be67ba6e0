import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in-as";

// Showroom Mobil Surabaya (demo-id): the test changes its time zone and puts it back.
test("an owner picks the dealership's time zone and language from lists, and a missing name is a field error", async ({ page }, info) => {
  test.skip(info.project.name === "phone", "one run changes the shared demo dealer");
  await signIn(page, "owner@demo-id.test");
  await page.goto("/settings");
  const zone = page.getByLabel("Time zone");
  await expect(zone).toHaveValue("Asia/Jakarta");
  await expect(page.getByLabel("Language")).toHaveValue("id-ID");
  await expect(page.getByLabel("Language").locator("option:checked")).toHaveText("Indonesian (Indonesia)");

  await page.getByLabel("Dealership name").fill("");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Enter the dealership's name.")).toBeVisible();

  await page.getByLabel("Dealership name").fill("Showroom Mobil Surabaya");
  await zone.selectOption("Asia/Makassar");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Makassar");

  await page.getByLabel("Time zone").selectOption("Asia/Jakarta");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();
});
