import { expect as baseExpect, test, type Locator, type Page } from "@playwright/test";
import { signMeta, whatsappText } from "../fakes/whatsapp-payloads";
import { signIn } from "./sign-in-as";

// Server actions re-render whole pages; give them time on a busy machine.
const expect = baseExpect.configure({ timeout: 20_000 });
const demoPhoneNumberId = "100000000000001";
const timeZone = "Europe/Amsterdam";

async function shopperWrites(page: Page, from: string, name: string, text: string) {
  const raw = JSON.stringify(whatsappText({ phoneNumberId: demoPhoneNumberId, from, name, text }));
  const res = await page.request.post("/api/webhooks/whatsapp", { data: raw, headers: { "content-type": "application/json", "x-hub-signature-256": signMeta(raw) } });
  expect(res.status()).toBe(200);
}

async function openConversation(page: Page, name: string) {
  const link = page.getByRole("list", { name: "Conversations" }).getByRole("link", { name: new RegExp(name) });
  await expect(async () => {
    await page.goto(`/inbox?q=${encodeURIComponent(name)}`);
    await expect(link).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await link.click();
  await expect(page.getByRole("heading", { name, level: 2 })).toBeVisible();
}

/** The dealer's calendar date `days` after today, as a date input takes it. */
const dealerDate = (days: number) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + days * 86_400_000));

/** From today on, the first day with a free time: picks that day's first free time (or `nth`) and returns the day. */
async function pickFirstFreeTime(dialog: Locator, nth = 0): Promise<{ day: string; time: string }> {
  const times = dialog.getByRole("group", { name: "Free times" });
  for (let d = 0; d < 10; d++) {
    const day = dealerDate(d);
    await dialog.getByLabel("Day").fill(day);
    const buttons = times.getByRole("button");
    const none = times.getByText(/No free time that day/);
    await expect(buttons.first().or(none)).toBeVisible();
    if (await none.isVisible()) continue;
    const button = buttons.nth(Math.min(nth, (await buttons.count()) - 1));
    const time = (await button.textContent())!.trim();
    const box = await button.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(40);
    await button.click();
    await expect(button).toHaveAttribute("aria-pressed", "true");
    return { day, time };
  }
  throw new Error("no free time in the next ten days");
}

// The narrowest phone the dashboard is made for.
test.use({ viewport: { width: 390, height: 844 } });

test("a rep books a test drive from the lead card on a phone, moves it, sees it on Today and cancels it", async ({ page }, info) => {
  test.skip(info.project.name !== "phone", "phone");
  test.setTimeout(180_000);
  const stamp = `${Date.now()}`.slice(-7);
  const name = `Proef Rit ${stamp}`;
  await shopperWrites(page, `3165${stamp}`, name, "Goedemiddag, ik bel u zo even.");
  await signIn(page, "sales1@demo-nl.test");
  await openConversation(page, name);
  await page.getByRole("link", { name: "Lead", exact: true }).click();
  const card = page.getByRole("region", { name: "Lead details" });

  await card.getByRole("button", { name: "Book test drive" }).click();
  const dialog = page.getByRole("dialog", { name: "Book a test drive" });
  // The rep searches the stock (the car of interest, when the lead has one, comes first).
  const change = dialog.getByRole("button", { name: "Change car" });
  if (await change.isVisible()) await change.click();
  await dialog.getByRole("searchbox", { name: "Car" }).fill("a");
  const car = dialog.getByRole("list", { name: "Cars in stock" }).getByRole("button").first();
  const carName = (await car.textContent())!.trim();
  await car.click();
  await expect(dialog.getByText(carName)).toBeVisible();
  const booked = await pickFirstFreeTime(dialog);
  // The shopper wrote just now: the assistant's confirmation can go out on WhatsApp, and does unless unticked.
  await expect(dialog.getByRole("checkbox", { name: "Send the shopper the confirmation on WhatsApp" })).toBeChecked();
  await dialog.getByRole("button", { name: `Book ${booked.time}` }).click();
  await expect(dialog).toBeHidden();

  const appointments = card.locator("section").filter({ has: page.getByRole("heading", { name: "Appointments" }) }).getByRole("listitem");
  await expect(appointments).toHaveCount(1);
  await expect(appointments).toContainText(booked.time);
  await expect(appointments.getByRole("button", { name: "Move" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  await appointments.getByRole("button", { name: "Move" }).click();
  const move = page.getByRole("dialog", { name: "Move the test drive" });
  await expect(move.getByText(carName)).toBeVisible();
  const moved = await pickFirstFreeTime(move, 3);
  await move.getByRole("button", { name: `Move to ${moved.time}` }).click();
  await expect(move).toBeHidden();
  await expect(appointments).toContainText(moved.time);

  await page.getByRole("link", { name: "Messages", exact: true }).click();
  await expect(page.getByRole("region", { name: "Messages" }).getByText(/Test drive booked by /)).toBeVisible();
  await expect(page.getByRole("region", { name: "Messages" }).getByText(/Test drive moved by /)).toBeVisible();
  await expect(page.getByRole("region", { name: "Messages" }).getByRole("listitem").filter({ hasText: booked.time }).first()).toBeVisible();

  // Today lists the day's test drives: the booking is there when the first free time was today.
  if (moved.day === dealerDate(0)) {
    await page.goto("/");
    await expect(page.getByText(name).first()).toBeVisible();
    await page.goBack();
  }

  await page.getByRole("link", { name: "Lead", exact: true }).click();
  await appointments.getByRole("button", { name: "Cancel" }).click();
  const confirm = page.getByRole("dialog", { name: "Cancel this test drive?" });
  await confirm.getByRole("button", { name: "Cancel test drive" }).click();
  await expect(confirm).toBeHidden();
  await expect(appointments).toContainText("Cancelled");
  await expect(appointments.getByRole("button", { name: "Move" })).toHaveCount(0);
});
