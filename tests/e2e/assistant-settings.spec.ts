import { expect as baseExpect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in-as";

// Server actions re-render whole pages; give them time on a busy machine.
const expect = baseExpect.configure({ timeout: 20_000 });

// Fjord Bil AS (demo-no): no other spec depends on its assistant, and the test puts the settings back.
const greeting = "Hjertelig velkommen til {dealer} på Lillestrøm!";

async function ask(page: Page, text: string) {
  await page.getByLabel("Message as a shopper").fill(text);
  await page.getByRole("button", { name: "Ask the assistant" }).click();
}

test("a manager sets the assistant's tone, greeting and a hand-over keyword; Try assistant answers with them", async ({ page }, info) => {
  test.setTimeout(120_000);
  await signIn(page, "manager@demo-no.test");
  await page.goto("/settings");
  await page.getByRole("link", { name: "Assistant", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Assistant", level: 1 })).toBeVisible();
  const onDuty = page.getByRole("group", { name: "Colleagues on duty" }).getByRole("checkbox");
  await expect(onDuty).toHaveCount(3);

  // The greeting field shows the standard greeting it replaces: in the dealer's language, in the tone being picked.
  const greetingField = page.getByLabel("Custom greeting (optional)");
  await expect(greetingField).toHaveAttribute("placeholder", "Hei! Velkommen til {dealer}.");
  await expect(page.getByLabel("Hand-over keywords")).toHaveAttribute("placeholder", "klage\nadvokat\nskade");
  await page.getByLabel("Formal").check();
  await expect(greetingField).toHaveAttribute("placeholder", "God dag, og velkommen til {dealer}.");

  // A wrong placeholder is a field error, and what was typed stays.
  await page.getByLabel("Custom greeting (optional)").fill("Hei {navn}!");
  await page.getByLabel("Hand-over keywords").fill("klage\nadvokat");
  await page.getByRole("button", { name: "Save assistant settings" }).click();
  await expect(page.getByText("Only {dealer} can be filled in; remove {navn}.")).toBeVisible();
  await expect(page.getByLabel("Custom greeting (optional)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Hand-over keywords")).toHaveValue("klage\nadvokat");
  await expect(page.getByLabel("Formal")).toBeChecked();

  await page.getByLabel("Custom greeting (optional)").fill(greeting);
  await page.getByLabel("Give each new lead to a colleague on duty").check();
  await page.getByRole("radio", { name: /Fewest open leads first/ }).check();
  await page.getByRole("button", { name: "Save assistant settings" }).click();
  await expect(page.getByText("Assistant settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Give each new lead to a colleague on duty")).toBeChecked();
  await expect(page.getByRole("radio", { name: /Fewest open leads first/ })).toBeChecked();
  await page.screenshot({ path: `tests/artifacts/screenshots/assistant-settings-${info.project.name}.png`, fullPage: true });

  try {
    await page.goto("/assistant");
    const log = page.getByRole("log", { name: "Conversation with the assistant" });
    await ask(page, "Hei");
    await expect(log.getByText("Hjertelig velkommen til Fjord Bil AS på Lillestrøm!")).toBeVisible();
    await expect(log.getByText(/Oppgi gjerne budsjett/)).toBeVisible();
    await ask(page, "Jeg vil klage på bilen jeg kjøpte");
    await expect(log.getByText('hand the conversation to your team (shopper wrote "klage")')).toBeVisible();
  } finally {
    await page.goto("/settings/assistant");
    await page.getByLabel("Friendly").check();
    await page.getByLabel("Custom greeting (optional)").fill("");
    await page.getByLabel("Hand-over keywords").fill("");
    await page.getByLabel("Give each new lead to a colleague on duty").uncheck();
    await page.getByRole("radio", { name: /In turn/ }).check();
    await page.getByRole("button", { name: "Save assistant settings" }).click();
    await expect(page.getByText("Assistant settings saved.")).toBeVisible();
  }
});

test("a sales rep gets the forbidden page for the assistant settings", async ({ page }) => {
  await signIn(page, "sales1@demo-no.test");
  const res = await page.goto("/settings/assistant");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: /not available for your role/ })).toBeVisible();
});
