import { readFile } from "node:fs/promises";
import { expect as baseExpect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signMeta, whatsappText } from "../fakes/whatsapp-payloads";
import { signIn } from "./sign-in-as";

// Server actions re-render whole pages; give them time on a busy machine.
const expect = baseExpect.configure({ timeout: 20_000 });
const graph = `http://127.0.0.1:${process.env.FAKE_GRAPH_PORT ?? 3199}`;
const demoPhoneNumberId = "100000000000001";

/** A shopper writes to the demo dealership's WhatsApp number, through the signed webhook Meta would call. */
async function shopperWrites(request: APIRequestContext, from: string, name: string, text: string) {
  const raw = JSON.stringify(whatsappText({ phoneNumberId: demoPhoneNumberId, from, name, text }));
  const res = await request.post("/api/webhooks/whatsapp", { data: raw, headers: { "content-type": "application/json", "x-hub-signature-256": signMeta(raw) } });
  expect(res.status()).toBe(200);
}

async function openFromInbox(page: Page, name: string) {
  // The message is processed in the background: search again until it is listed.
  await expect(async () => {
    await page.goto(`/inbox?q=${encodeURIComponent(name)}`);
    await expect(page.getByRole("list", { name: "Conversations" }).getByRole("link", { name: new RegExp(name) })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole("list", { name: "Conversations" }).getByRole("link", { name: new RegExp(name) }).click();
  await expect(page).toHaveURL(/\/inbox\/[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { name, level: 2 })).toBeVisible();
}

test.describe.configure({ mode: "serial" });

// Shared between the serial tests of one project run: the manager's conversation the rep must not see.
let shopper = { name: "", phone: "", conversationUrl: "" };

test("a manager finds a hot lead, takes over a conversation, replies through WhatsApp and moves the lead on the board", async ({ page, request }, info) => {
  test.setTimeout(180_000);
  const stamp = `${Date.now()}`.slice(-7);
  shopper = { name: `Eef Test ${info.project.name} ${stamp}`, phone: `3169${stamp}`, conversationUrl: "" };
  await signIn(page, "owner@demo-nl.test");

  // Connect the demo number to the fake Graph API so replies are really sent.
  await page.goto("/settings");
  await page.getByLabel("Phone number id / session / device").fill(demoPhoneNumberId);
  await page.getByLabel("Access token / API key").fill("e2e-access-token");
  await page.getByRole("button", { name: "Connect channel" }).click();
  await expect(page.getByText("Channel saved.")).toBeVisible();

  // Hot leads first: the filter narrows the list and a hot conversation opens with its timeline.
  await page.goto("/inbox?hot=1");
  const hot = page.getByRole("list", { name: "Conversations" }).getByRole("link");
  await expect(hot.first()).toBeVisible();
  await expect(hot.first().getByText("Hot")).toBeVisible();
  await hot.first().click();
  await expect(page.getByRole("region", { name: "Messages" }).getByRole("listitem").first()).toBeVisible();

  await shopperWrites(request, shopper.phone, shopper.name, "Hoi, is de Volkswagen Golf nog beschikbaar?");
  await openFromInbox(page, shopper.name);
  shopper.conversationUrl = new URL(page.url()).pathname;
  const messages = page.getByRole("region", { name: "Messages" });
  await expect(messages.getByText("Hoi, is de Volkswagen Golf nog beschikbaar?")).toBeVisible();

  await page.getByRole("button", { name: "Take over" }).click();
  await expect(page.getByRole("button", { name: "Hand back to assistant" })).toBeVisible();
  await expect(messages.getByText("Taken over by Jan van Dijk")).toBeVisible();

  const reply = `Goedemiddag! De Golf staat klaar voor een proefrit (${stamp}).`;
  await page.getByLabel("Your reply").fill(reply);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(messages.getByText(reply)).toBeVisible();
  await expect.poll(async () => {
    const sent = (await (await request.get(`${graph}/__sent`)).json()) as { phoneNumberId: string; body: { to?: string; text?: { body?: string } } }[];
    return sent.some((s) => s.phoneNumberId === demoPhoneNumberId && s.body.to === shopper.phone && s.body.text?.body === reply);
  }, { timeout: 15_000 }).toBe(true);
  await page.screenshot({ path: `tests/artifacts/screenshots/conversation-${info.project.name}.png`, fullPage: true });

  // Hand the lead to the second rep (the next test checks the first rep cannot open it).
  if (info.project.name === "phone") await page.getByRole("link", { name: "Lead", exact: true }).click();
  await page.getByLabel("Assigned rep").selectOption({ label: "Fatima El Amrani" });
  await page.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(page.getByRole("article").getByText("· Fatima El Amrani")).toBeVisible();

  await page.goto("/pipeline");
  await moveOnBoard(page, shopper.name, "Negotiation");
  await moveOnBoard(page, shopper.name, "Lost", "Bought elsewhere");
  await expect(cardOf(page, shopper.name).getByText("Lost: Bought elsewhere")).toBeVisible();
  await page.screenshot({ path: `tests/artifacts/screenshots/pipeline-${info.project.name}.png`, fullPage: true });
});

const cardOf = (page: Page, name: string) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });

/** Moves a card with its stage select; on phones the board shows one stage, so open the card's tab first. */
async function moveOnBoard(page: Page, name: string, to: string, lostReason?: string) {
  const column = cardOf(page, name).locator("xpath=ancestor::section[1]");
  const stage = (await column.getAttribute("aria-labelledby"))!.replace("stage-", "");
  await page.goto(`/pipeline?stage=${stage}`);
  const card = cardOf(page, name);
  await card.getByRole("combobox", { name: `Move ${name} to` }).selectOption({ label: to });
  if (lostReason) await card.getByLabel("Why was it lost?").fill(lostReason);
  await card.getByRole("button", { name: "Move" }).click();
  const target = to.toLowerCase().replace(" ", "_");
  // The board re-renders with the card in its new column once the action is done (hidden on phones, which show one stage).
  await expect(page.locator(`section[aria-labelledby="stage-${target}"] h3`).filter({ hasText: name })).toBeAttached();
  await page.goto(`/pipeline?stage=${target}`);
  await expect(page.getByRole("region", { name: new RegExp(`^${to}`) }).getByRole("heading", { name })).toBeVisible();
}

test("on a phone the inbox shows the list, then the conversation alone, and back", async ({ page }) => {
  test.skip(test.info().project.name !== "phone", "phone layout");
  await signIn(page, "manager@demo-nl.test");
  const list = page.getByRole("list", { name: "Conversations" });
  await expect(list).toBeVisible();
  await list.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/inbox\/[0-9a-f-]{36}/);
  await expect(list).toBeHidden();
  await expect(page.getByLabel("Your reply").or(page.getByLabel("Template")).first()).toBeVisible();
  await page.getByRole("link", { name: "Back to the inbox" }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(list).toBeVisible();
});

test("a sales rep cannot see or open another rep's conversation", async ({ page }) => {
  expect(shopper.conversationUrl).toMatch(/^\/inbox\//);
  await signIn(page, "sales1@demo-nl.test");
  await page.goto(`/inbox?q=${encodeURIComponent(shopper.name)}`);
  await expect(page.getByText("No conversations match")).toBeVisible();
  // Another rep's lead looks like one that never existed: a 404 (no loading skeleton starts the answer with a 200).
  expect((await page.goto(shopper.conversationUrl))?.status()).toBe(404);
  await expect(page.getByText("Conversation not found")).toBeVisible();
  expect((await page.goto("/inbox/not-an-id"))?.status()).toBe(404);
  await expect(page.getByText(shopper.name)).toHaveCount(0);
  await page.goto("/pipeline");
  await expect(page.getByRole("heading", { name: shopper.name })).toHaveCount(0);
});

test("a manager downloads a shopper's data as JSON, then erases the contact and it leaves the inbox", async ({ page, request }, info) => {
  test.setTimeout(120_000);
  // A shopper of its own, so no other test loses its lead.
  const stamp = `${Date.now()}`.slice(-7);
  const name = `Gdpr Test ${info.project.name} ${stamp}`;
  const text = `Hallo, ik zoek een stationwagen met trekhaak (${stamp})`;
  await shopperWrites(request, `3167${stamp}`, name, text);
  await signIn(page, "manager@demo-nl.test");
  await openFromInbox(page, name);
  const conversationUrl = new URL(page.url()).pathname;
  if (info.project.name === "phone") await page.getByRole("link", { name: "Lead", exact: true }).click();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download data" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^contact-[0-9a-f-]{36}\.json$/);
  const data = JSON.parse(await readFile(await download.path(), "utf8")) as { contact: { name: string; phone: string }; conversations: { messages: { body: string | null }[] }[] };
  expect(data.contact).toMatchObject({ name, phone: `3167${stamp}` });
  expect(data.conversations.flatMap((c) => c.messages.map((m) => m.body))).toContain(text);

  await page.getByRole("button", { name: "Erase contact…" }).click();
  const dialog = page.getByRole("dialog", { name: "Erase this contact?" });
  await dialog.getByLabel("Type ERASE to confirm").fill("delete");
  await dialog.getByRole("button", { name: "Erase contact" }).click();
  await expect(dialog.getByText("Type ERASE to confirm.")).toBeVisible();
  await dialog.getByLabel("Type ERASE to confirm").fill("ERASE");
  await dialog.getByRole("button", { name: "Erase contact" }).click();
  await expect(page).toHaveURL(/\/inbox\?notice=erased$/);
  await expect(page.getByRole("status").filter({ hasText: "The contact was erased" })).toBeVisible();

  await page.goto(`/inbox?q=${encodeURIComponent(name)}`);
  await expect(page.getByText("No conversations match")).toBeVisible();
  await page.goto(conversationUrl);
  if (info.project.name === "phone") await page.getByRole("link", { name: "Lead", exact: true }).click();
  await expect(page.getByText(/This contact was erased on/)).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
  await expect(page.getByText(text)).toHaveCount(0);
});

// The conversation page has no loading.tsx (its not-found answers 404), so the row itself shows that the tap registered.
test("a tapped conversation is shown as opening until the server answers, then opens", async ({ page }) => {
  await signIn(page, "manager@demo-nl.test");
  await page.goto("/inbox");
  const link = page.getByRole("list", { name: "Conversations" }).getByRole("link").first();
  const row = link.locator("[aria-busy]");
  await expect(row).toHaveAttribute("aria-busy", "false");
  // Hold the navigation's answer (not a prefetch) back, so the pending state lasts until it has been seen.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/inbox\/[0-9a-f-]{36}/, async (route) => {
    const headers = route.request().headers();
    if (headers.rsc && !headers["next-router-prefetch"] && !headers["next-router-segment-prefetch"]) await held;
    await route.fallback();
  });
  await link.click();
  await expect(row).toHaveAttribute("aria-busy", "true");
  release();
  await expect(page).toHaveURL(/\/inbox\/[0-9a-f-]{36}/);
  await expect(page.getByLabel("Your reply").or(page.getByLabel("Template")).first()).toBeVisible();
});
