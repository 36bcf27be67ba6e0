import { expect as baseExpect, test } from "@playwright/test";
import { signIn } from "./sign-in-as";

// Server actions re-render whole pages; give them time on a busy machine.
const expect = baseExpect.configure({ timeout: 20_000 });

// A long form answered "Check the highlighted fields." where the person was not looking: at the top of the vehicle
// form (on a phone, a screen above its button) or under the profile's last field, far from the one to fix.
test("a vehicle form sent with a mistake takes the rep to the field to fix", async ({ page }) => {
  await signIn(page, "sales1@demo-nl.test");
  await page.goto("/inventory/new");
  await page.getByLabel("Make").fill("Opel");
  await page.getByLabel("Model").fill("Astra");
  await page.getByLabel("Year").fill("2019");
  await page.getByLabel("Mileage (km)").fill("88.000");
  await page.getByRole("textbox", { name: "Price (EUR)", exact: true }).fill("twaalf");
  await page.getByRole("button", { name: "Add vehicle" }).click();
  const price = page.getByRole("textbox", { name: "Price (EUR)", exact: true });
  await expect(price).toBeFocused();
  await expect(price).toBeInViewport();
  await expect(page.getByText("Write a whole amount in EUR, like 14.000 or 14 000.")).toBeInViewport();
  await expect(page).toHaveURL(/\/inventory\/new$/);
});

test("the dealership profile saved without a name goes back to the name field", async ({ page }) => {
  await signIn(page, "manager@demo-nl.test");
  await page.goto("/settings");
  await page.getByLabel("Dealership name").fill("");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByLabel("Dealership name")).toBeFocused();
  await expect(page.getByText("Enter the dealership's name.")).toBeInViewport();
});
