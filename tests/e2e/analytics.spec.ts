import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in-as";

test("a manager reads analytics in plain words, with every day of the range on the leads chart", async ({ page }) => {
  await signIn(page, "manager@demo-nl.test");
  await page.goto("/analytics?from=2026-01-01&to=2026-01-07");
  // A week without a lead is still seven days at zero, not an empty chart.
  const week = page.getByRole("table", { name: "New leads per day" });
  await expect(week.locator("tbody tr")).toHaveCount(7);
  await expect(week.locator("tbody td").first()).toHaveText("0");
  await expect(page.getByText("The assistant answered no new lead first in this period.")).toBeVisible();

  await page.getByRole("link", { name: "30 days" }).click();
  await expect(page.getByRole("table", { name: "New leads per day" }).locator("tbody tr")).toHaveCount(31);
  // Sources, stages and test-drive statuses are named as elsewhere in the dashboard, never as stored.
  await expect(page.getByRole("table", { name: "Share of leads by source" })).toContainText("WhatsApp");
  await expect(page.getByRole("table", { name: "Leads reaching each stage" })).toContainText("Test drive");
  const drives = page.getByRole("table", { name: "Test drives and visits by status" });
  await expect(drives).toContainText("No-show");
  for (const raw of ["whatsapp", "test_drive", "no_show", "walk_in"]) await expect(page.locator("main")).not.toContainText(raw);
});

// Dates picked the other way round once gave a dashboard of zeros without a word: the range is the days between them.
test("a range whose From is after its To reads the days between them", async ({ page }) => {
  await signIn(page, "manager@demo-nl.test");
  await page.goto("/analytics?from=2026-01-07&to=2026-01-01");
  await expect(page.getByLabel("From", { exact: true })).toHaveValue("2026-01-01");
  await expect(page.getByLabel("To", { exact: true })).toHaveValue("2026-01-07");
  await expect(page.getByRole("table", { name: "New leads per day" }).locator("tbody tr")).toHaveCount(7);
});
