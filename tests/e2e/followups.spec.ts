import { expect as baseExpect, test } from "@playwright/test";
import { signIn } from "./sign-in-as";

const expect = baseExpect.configure({ timeout: 20_000 });

test("a manager builds a follow-up sequence: field errors, steps added and reordered, saved, paused", async ({ page }, info) => {
  test.skip(info.project.name === "phone", "the editor is a desk task; the list is checked on the phone below");
  await signIn(page, "manager@demo-nl.test");
  await page.goto("/followups/new");

  // Nothing named, no message text: the server's field errors show and what was typed stays.
  await page.getByLabel("Starts when").selectOption({ label: "No reply from the shopper" });
  await page.getByLabel("Hours without a reply").fill("48");
  await page.getByLabel("Message inside the 24-hour window").fill("");
  await page.getByRole("button", { name: "Save sequence" }).click();
  await expect(page.getByText("Check the highlighted fields.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Hours without a reply")).toHaveValue("48");

  const name = `Na 48 uur – e2e ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Message inside the 24-hour window").fill("Hoi {name}, zoekt u nog een auto? Reageer gerust hier.");
  await page.getByRole("button", { name: "Add wait" }).click();
  await page.getByRole("button", { name: "Move step 3 up" }).click();
  await expect(page.getByLabel("Step 2 type")).toHaveValue("wait");
  await page.getByRole("button", { name: "Save sequence" }).click();
  await expect(page).toHaveURL(/\/followups\/[0-9a-f-]{36}/);
  await expect(page.getByLabel("Name")).toHaveValue(name);
  await expect(page.getByLabel("Step 3 type")).toHaveValue("whatsapp");

  await page.goto("/followups");
  await expect(page.getByRole("link", { name })).toBeVisible();

  // Deleting asks first; cancelled, nothing happens; confirmed, the list says so and the sequence is gone.
  await page.getByRole("link", { name }).click();
  await page.getByRole("button", { name: "Delete sequence…" }).click();
  const confirm = page.getByRole("dialog");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await page.getByRole("button", { name: "Delete sequence…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page).toHaveURL(/\/followups\?notice=deleted/);
  await expect(page.getByRole("status").filter({ hasText: "Sequence deleted." })).toBeVisible();
  await expect(page.getByRole("link", { name })).toHaveCount(0);
});

test("a manager sees where each lead source connects, and a sales rep cannot open settings", async ({ page }, info) => {
  test.skip(info.project.name === "phone", "settings are checked on desktop");
  await signIn(page, "owner@demo-nl.test");
  await page.goto("/settings");
  const sources = page.getByRole("region", { name: "Lead sources" }).or(page.locator("section", { has: page.getByRole("heading", { name: "Lead sources" }) })).first();
  await expect(sources).toBeVisible();
  await expect(sources.getByText(/\/api\/webhooks\/whatsapp/).first()).toBeVisible();
  await expect(sources.getByText(/\/api\/webhooks\/email\/demo-nl/).first()).toBeVisible();
  await expect(sources.getByText(/\/api\/webhooks\/forms\/demo-nl/).first()).toBeVisible();

  // A bad page id gets a field error and keeps the token that was typed.
  await sources.getByLabel(/Page id/i).fill("not-a-number");
  await sources.getByLabel(/Page access token/i).fill("e2e-page-token-123456");
  await sources.getByRole("button", { name: /Connect (page|Facebook)/i }).click();
  await expect(sources.getByLabel(/Page id/i)).toHaveAttribute("aria-invalid", "true");
  await expect(sources.getByLabel(/Page access token/i)).toHaveValue("e2e-page-token-123456");
});

test("Today asks about a test drive that took place; a manager marks it a no-show and its follow-up starts", async ({ page }, info) => {
  // The demo has one such test drive; once marked it is decided, so this runs on one project only.
  test.skip(info.project.name === "phone", "the demo's one undecided test drive is marked on desktop");
  test.setTimeout(120_000);
  await signIn(page, "manager@demo-nl.test");

  const sequence = `Gemiste proefrit – e2e ${Date.now()}`;
  await page.goto("/followups/new");
  await page.getByLabel("Name").fill(sequence);
  await page.getByLabel("Starts when").selectOption({ label: "Missed test drive (no-show)" });
  await page.getByLabel("Message inside the 24-hour window").fill("Hoi {name}, jammer dat het gisteren niet lukte. Zullen we een nieuwe proefrit plannen?");
  await page.getByRole("button", { name: "Save sequence" }).click();
  await expect(page).toHaveURL(/\/followups\/[0-9a-f-]{36}/);

  await page.goto("/");
  const asked = page.locator("section", { has: page.getByRole("heading", { name: "Did they come?" }) });
  const shopper = asked.getByRole("link").first();
  const name = (await shopper.textContent())!.trim();
  await shopper.click();
  await expect(page).toHaveURL(/\/inbox\/[0-9a-f-]{36}/);

  const appointments = page.locator("section", { has: page.getByRole("heading", { name: "Appointments" }) }).first();
  await appointments.getByRole("button", { name: "No-show" }).click();
  await expect(appointments.getByRole("button", { name: "No-show" })).toHaveCount(0);
  await expect(appointments.getByText("No-show", { exact: true })).toBeVisible();
  // The outcome is an event; the sequence enrolls the lead in the background.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("list", { name: "Follow-up sequences" }).getByText(sequence)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  await page.goto("/");
  await expect(asked.getByRole("link", { name })).toHaveCount(0);
});
