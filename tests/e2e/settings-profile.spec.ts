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

// Fjord Bil AS (demo-no): the test adds a closed day about ten days ahead and removes it again at the end.
test("an owner adds a closed day from the keyboard; a backwards time is an error on its row and nothing typed is lost; the site shows the day", async ({ page, baseURL }) => {
  await signIn(page, "owner@demo-no.test");
  await page.goto("/settings");
  const list = page.getByRole("group", { name: "Closed days and special hours" });
  const rows = list.getByRole("group", { name: /^Special day \d+$/ });
  const taken = await rows.evaluateAll((els) => els.map((el) => (el.querySelector('input[type="date"]') as HTMLInputElement).value));
  let day = 9;
  const dateIn = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
  while (taken.includes(dateIn(day))) day++;
  const date = dateIn(day);

  await list.getByRole("button", { name: "Add a date" }).press("Enter");
  const row = list.getByRole("group", { name: `Special day ${taken.length + 1}` });
  await expect(row.getByLabel("Date")).toBeFocused();
  await row.getByLabel("Date").fill(date);
  await row.getByLabel("Hours").selectOption({ label: "Special hours" });
  await row.getByLabel("Opens").fill("16:00");
  await row.getByLabel("Closes").fill("10:00");
  await row.getByLabel("Name (optional)").fill("Inventory day");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(row.getByText("Closing time must be after opening time.")).toBeVisible();
  await expect(row.getByLabel("Closes")).toHaveAttribute("aria-invalid", "true");
  await expect(row.getByLabel("Name (optional)")).toHaveValue("Inventory day");
  await expect(row.getByLabel("Date")).toHaveValue(date);

  await row.getByLabel("Hours").selectOption({ label: "Closed all day" });
  await expect(row.getByLabel("Opens")).toHaveCount(0);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();

  await page.reload();
  const saved = page.getByRole("group", { name: "Closed days and special hours" }).getByRole("group", { name: /^Special day \d+$/ })
    .filter({ has: page.locator(`input[type="date"][value="${date}"]`) });
  await expect(saved.getByLabel("Name (optional)")).toHaveValue("Inventory day");
  await expect(saved.getByLabel("Hours")).toHaveValue("closed");

  const site = new URL(baseURL!);
  await page.goto(`${site.protocol}//demo-no.${site.host}/`);
  await expect(page.getByTestId("special-hours")).toContainText("Stengt (Inventory day)");

  await page.goto("/settings");
  const again = page.getByRole("group", { name: /^Special day \d+$/ }).filter({ has: page.locator(`input[type="date"][value="${date}"]`) });
  await again.getByRole("button", { name: /^Remove special day/ }).click();
  await expect(page.getByRole("button", { name: "Add a date" })).toBeFocused();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();
});

// Fjord Bil AS (demo-no): a throwaway WAHA session, connected and removed again.
test("an owner removes a channel saved by mistake, after a confirmation that Escape backs out of", async ({ page }) => {
  await signIn(page, "owner@demo-no.test");
  await page.goto("/settings");
  const session = `e2e-mistake-${Date.now()}`;
  await page.getByLabel("Provider").selectOption("waha");
  await page.getByLabel("Phone number id / session / device").fill(session);
  await page.getByRole("button", { name: "Connect channel" }).click();
  await expect(page.getByText("Channel saved.")).toBeVisible();
  const row = page.getByRole("region", { name: "Channels" }).getByRole("listitem").filter({ hasText: session });
  await expect(row).toBeVisible();

  await row.getByRole("button", { name: `Remove WAHA ${session}` }).click();
  const dialog = page.getByRole("dialog", { name: `Remove WAHA ${session}?` });
  await expect(dialog.getByText("Its conversations stay in the inbox")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(row).toBeVisible();

  await row.getByRole("button", { name: `Remove WAHA ${session}` }).click();
  await dialog.getByRole("button", { name: "Remove channel" }).click();
  await expect(row).toHaveCount(0);
  await page.reload();
  await expect(page.getByText(session, { exact: false })).toHaveCount(0);
});
