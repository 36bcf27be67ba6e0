import { expect as baseExpect, test, type Locator, type Page } from "@playwright/test";
import { signMeta, whatsappText } from "../fakes/whatsapp-payloads";
import { signIn } from "./sign-in-as";

// Server actions re-render whole pages; give them time on a busy machine.
const expect = baseExpect.configure({ timeout: 20_000 });
const demoPhoneNumberId = "100000000000001";

async function shopperWrites(page: Page, from: string, name: string, text: string) {
  const raw = JSON.stringify(whatsappText({ phoneNumberId: demoPhoneNumberId, from, name, text }));
  const res = await page.request.post("/api/webhooks/whatsapp", { data: raw, headers: { "content-type": "application/json", "x-hub-signature-256": signMeta(raw) } });
  expect(res.status()).toBe(200);
}

/** Searches the inbox until the shopper's conversation is listed (the message is processed in the background). */
async function findInInbox(page: Page, name: string): Promise<Locator> {
  const link = page.getByRole("list", { name: "Conversations" }).getByRole("link", { name: new RegExp(name) });
  await expect(async () => {
    await page.goto(`/inbox?q=${encodeURIComponent(name)}`);
    await expect(link).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  return link;
}

/** How far the element's right edge goes past the container's (0 when it fits). */
async function pastRightEdge(element: Locator, container: Locator) {
  const [e, c] = [await element.boundingBox(), await container.boundingBox()];
  return Math.max(0, Math.round(e!.x + e!.width - (c!.x + c!.width)));
}

/** How much wider the element's content is than its box: text that runs out of it. */
const sidewaysOverflow = (element: Locator) => element.evaluate((e) => e.scrollWidth - e.clientWidth);

// A pasted link or a word without spaces once widened the conversation past a phone's screen: the reply box and its
// Send button went off the right edge, so the rep could not answer.
test("a message, reply and note without spaces stay inside a phone's screen and the reply box stays in reach", async ({ page }, info) => {
  test.setTimeout(120_000);
  const stamp = `${Date.now()}`.slice(-7);
  const name = `Lang Woord ${info.project.name} ${stamp}`;
  const link = `https://voorbeeld.nl/auto/${"volkswagen-golf-".repeat(12)}${stamp}`;
  await shopperWrites(page, `3168${stamp}`, name, `Is deze nog te koop? ${link}`);
  await signIn(page, "manager@demo-nl.test");
  await (await findInInbox(page, name)).click();
  await expect(page.getByRole("heading", { name, level: 2 })).toBeVisible();

  const messages = page.getByRole("region", { name: "Messages" });
  await page.getByRole("button", { name: "Take over" }).click();
  await expect(page.getByRole("button", { name: "Hand back to assistant" })).toBeVisible();
  const reply = `Ja! Kijk ook eens naar ${"https://voorbeeld.nl/aanbod/".padEnd(220, "x")}`;
  await page.getByLabel("Your reply").fill(reply);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(messages.getByText(reply)).toBeVisible();

  const width = page.viewportSize()!.width;
  const region = await messages.boundingBox();
  expect(region!.x + region!.width).toBeLessThanOrEqual(width);
  for (const text of [link, reply]) expect(await pastRightEdge(messages.getByRole("listitem").filter({ hasText: text }).locator("div").first(), messages), text).toBe(0);
  const send = await page.getByRole("button", { name: "Send", exact: true }).boundingBox();
  expect(send!.x + send!.width).toBeLessThanOrEqual(width);

  if (info.project.name === "phone") await page.getByRole("link", { name: "Lead", exact: true }).click();
  const lead = page.getByRole("region", { name: "Lead details" });
  const note = `Belt terug over ${"inruilwaardebepaling".repeat(8)}`;
  await lead.getByRole("textbox", { name: /note/i }).fill(note);
  await lead.getByRole("button", { name: "Add note" }).click();
  await expect(lead.getByText("Note added.")).toBeVisible();
  expect(await sidewaysOverflow(lead.getByText(note))).toBeLessThanOrEqual(0);
  expect(await sidewaysOverflow(page.getByRole("complementary").filter({ has: lead }))).toBeLessThanOrEqual(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});

// Opening a conversation from the list with the keyboard once left focus on the page itself: the next Tab went back to
// the inbox's search and it took some forty more to reach "Take over" or the reply box.
test("a conversation opened with the keyboard takes the focus, so Take over and the reply are the next stops", async ({ page }, info) => {
  test.skip(info.project.name !== "desktop", "keyboard");
  const stamp = `${Date.now()}`.slice(-7);
  const name = `Toets Bord ${stamp}`;
  await shopperWrites(page, `3166${stamp}`, name, "Hebben jullie een automaat onder de 20.000?");
  await signIn(page, "manager@demo-nl.test");
  const row = await findInInbox(page, name);
  await row.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/inbox\/[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { name, level: 2 })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Take over" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Hand back to assistant" })).toBeVisible();
  // "Take over" is gone once it worked: the focus goes on to the reply rather than dropping to the page.
  await expect(page.getByLabel("Your reply")).toBeFocused();
  await page.keyboard.type("Zeker, ik stuur u er twee.");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("region", { name: "Messages" }).getByText("Zeker, ik stuur u er twee.")).toBeVisible();
});
