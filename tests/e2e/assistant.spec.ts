import { expect as baseExpect, test, type Page } from "@playwright/test";
import { signMeta, whatsappText } from "../fakes/whatsapp-payloads";
import { signIn } from "./sign-in-as";

// The reply is made in the background by the in-process runner; give it time on a busy machine.
const expect = baseExpect.configure({ timeout: 20_000 });
const port = Number(process.env.E2E_PORT ?? 3100);
const site = `http://demo-nl.localhost:${port}`;
const question = "Hebben jullie een automaat onder de 20.000 euro?";

/** Codes of demo-nl's available automatics under €20.000, from the dealer site's own public API. */
async function matchingCodes(page: Page) {
  const res = await page.goto(`${site}/api/v1/vehicles?transmission=automatic&maxPrice=20000`);
  const body = (await res!.json()) as { vehicles: { code: string }[]; pagination: { total: number } };
  expect(body.pagination.total).toBeGreaterThan(0);
  expect(body.pagination.total).toBe(body.vehicles.length);
  return new Set(body.vehicles.map((v) => v.code));
}

const codesIn = (text: string) => [...new Set(text.match(/#[A-Z]+\d+/g) ?? [])];

test("a Dutch shopper asks on WhatsApp for an automatic under €20.000 and gets only matching cars by code and price", async ({ page, request }, info) => {
  test.skip(info.project.name === "phone", "a webhook, not a layout; the reply is read on desktop");
  test.setTimeout(120_000);
  const matching = await matchingCodes(page);
  const stamp = `${Date.now()}`.slice(-7);
  const name = `Automaat Zoeker ${stamp}`;
  const raw = JSON.stringify(whatsappText({ phoneNumberId: "100000000000001", from: `3168${stamp}`, name, text: question }));
  const res = await request.post("/api/webhooks/whatsapp", { data: raw, headers: { "content-type": "application/json", "x-hub-signature-256": signMeta(raw) } });
  expect(res.status()).toBe(200);

  await signIn(page, "manager@demo-nl.test");
  await expect(async () => {
    await page.goto(`/inbox?q=${encodeURIComponent(name)}`);
    await page.getByRole("list", { name: "Conversations" }).getByRole("link", { name: new RegExp(name) }).click({ timeout: 1000 });
    await expect(page.getByRole("region", { name: "Messages" }).getByText(/#[A-Z]+\d+/).first()).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 60_000 });

  // The whole message body (codes and prices are shown bold, as WhatsApp shows them).
  const reply = await page.getByRole("region", { name: "Messages" }).getByText(/#[A-Z]+\d+/).first().locator("xpath=ancestor-or-self::p[1]").innerText();
  const codes = codesIn(reply);
  expect(codes.length).toBeGreaterThan(0);
  for (const code of codes) expect(matching, `${code} is an available automatic under €20.000`).toContain(code);
  expect(reply).toMatch(/€\s?\d/);
  expect(reply).toMatch(/\b(automaat|automaten|auto's|proefrit|we hebben)\b/i);
});

test("staff try the assistant: the reply a shopper would get, with the cars it proposes, and nothing kept", async ({ page }) => {
  const matching = await matchingCodes(page);
  await signIn(page, "sales1@demo-nl.test");
  await page.goto("/assistant");
  await expect(page.getByRole("heading", { name: "Try the assistant", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Ask the assistant" }).click();
  await expect(page.getByLabel("Message as a shopper")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Message as a shopper").fill(question);
  await page.getByRole("button", { name: "Ask the assistant" }).click();
  const log = page.getByRole("log", { name: "Conversation with the assistant" });
  await expect(log.getByText("Assistant", { exact: true })).toBeVisible();
  await expect(log.getByText("Dutch", { exact: true })).toBeVisible();
  const proposed = log.getByText("Cars proposed").locator("xpath=..").getByRole("listitem");
  await expect(proposed.first()).toBeVisible();
  for (const item of await proposed.all()) {
    const [code] = codesIn(await item.innerText());
    expect(matching).toContain(code);
  }
  await page.screenshot({ path: `tests/artifacts/screenshots/try-assistant-${test.info().project.name}.png`, fullPage: true });

  // A dry run: the question did not become a conversation in the inbox.
  await page.goto(`/inbox?q=${encodeURIComponent("automaat onder de 20.000")}`);
  await expect(page.getByText("No conversations match")).toBeVisible();
});
