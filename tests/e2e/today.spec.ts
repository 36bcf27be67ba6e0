import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in-as";

// Each demo dealer has one test drive nobody marked; the follow-ups spec uses demo-nl's, so this one takes demo-no's
// on a desktop and demo-id's on a phone.
test("a manager marks a past test drive from Today, and it leaves the list", async ({ page }, info) => {
  await signIn(page, info.project.name === "phone" ? "manager@demo-id.test" : "manager@demo-no.test");
  await page.goto("/");
  const card = page.locator("section").filter({ has: page.getByRole("heading", { name: "Did they come?" }) });
  const rows = card.getByRole("listitem");
  const before = await rows.count();
  expect(before).toBeGreaterThan(0);
  const first = rows.first();
  const who = (await first.getByRole("link").first().innerText()).trim();
  await first.getByRole("button", { name: "Done" }).click();
  await expect(rows).toHaveCount(before - 1);
  // Today's own list keeps the drive, now marked.
  const todays = page.locator("section").filter({ has: page.getByRole("heading", { name: "Test drives today" }) });
  if (await todays.getByRole("link", { name: who }).count()) await expect(todays.getByRole("listitem").filter({ hasText: who }).getByText("Done", { exact: true })).toBeVisible();
  // The lead's timeline says who marked it.
  await page.goto("/inbox");
  await page.getByRole("link", { name: new RegExp(who) }).first().click();
  await expect(page.getByText(/done \(marked by /).first()).toBeVisible();
});
