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
  // The lead's timeline says who marked it.
  await page.goto("/inbox");
  await page.getByRole("link", { name: new RegExp(who) }).first().click();
  await expect(page.getByText(/done \(marked by /).first()).toBeVisible();
  // The lead card shows the drive as done.
  if (info.project.name === "phone") await page.getByRole("link", { name: "Lead", exact: true }).click();
  const appointments = page.locator("section", { has: page.getByRole("heading", { name: "Appointments" }) }).first();
  await expect(appointments.getByText("Done", { exact: true })).toBeVisible();
});

// The demo's negotiation the assistant handed over alerted the lead's rep: it waits on their Today until ticked off.
test("a rep sees the hand-over the assistant flagged for them on Today, opens the shopper and ticks it off", async ({ page }, info) => {
  await signIn(page, info.project.name === "phone" ? "sales1@demo-no.test" : "sales1@demo-nl.test");
  await page.goto("/");
  const card = page.locator("section").filter({ has: page.getByRole("heading", { name: /^For you/ }) });
  const rows = card.getByRole("listitem");
  const handover = rows.filter({ hasText: "Hand-over:" }).first();
  await expect(handover).toContainText("Reason: price negotiation");
  const before = await rows.count();
  // The shopper's name opens their conversation.
  const shopper = handover.getByRole("link").first();
  const name = (await shopper.innerText()).trim();
  await shopper.click();
  await expect(page).toHaveURL(/\/inbox\/[0-9a-f-]{36}/);
  await page.goto("/");
  await rows.filter({ hasText: `Hand-over: ${name}` }).getByRole("button", { name: "Done" }).click();
  await expect(rows).toHaveCount(before - 1);
  if (before === 1) await expect(card.getByText("Nothing waiting for you.")).toBeVisible();
});
