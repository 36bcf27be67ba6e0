import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in-as";

// Dealer sites live on {slug}.ROOT_DOMAIN; Chromium resolves *.localhost to loopback by itself.
const port = Number(process.env.E2E_PORT ?? 3100);
const site = `http://demo-nl.localhost:${port}`;

test.describe("public dealer site on a phone", () => {
  test.skip(({ isMobile }) => !isMobile, "the shopper's journey is measured on the phone project");

  test("browse, filter, open a car, chat link names its code, and the lead form reports a bad phone then thanks", async ({ page }, info) => {
    test.setTimeout(150_000);
    await page.goto(`${site}/`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Autohuis Van Dijk");
    const total = Number((await page.getByTestId("result-count").innerText()).match(/\d+/)![0]);
    expect(total).toBeGreaterThan(20);

    await page.getByText("Filters", { exact: true }).click();
    await page.getByLabel("Transmissie").selectOption("automatic");
    await page.getByLabel("Sorteren").selectOption("price_asc");
    await page.getByRole("button", { name: "Toon resultaten" }).click();
    await expect(page).toHaveURL(/transmission=automatic/);
    await expect(page).toHaveURL(/sort=price_asc/);
    const filtered = Number((await page.getByTestId("result-count").innerText()).match(/\d+/)![0]);
    expect(filtered).toBeLessThan(total);
    await page.screenshot({ path: `tests/artifacts/screenshots/site-listing-${info.project.name}.png`, fullPage: false });

    await page.getByTestId("vehicle-card").first().click();
    await page.waitForURL(/\/cars\//, { timeout: 30_000 });
    const code = (await page.getByTestId("vehicle-code").innerText()).trim();
    expect(code).toMatch(/^#[A-Z]+\d+$/);
    await expect(page.getByTestId("specs")).toContainText("Automaat");
    const wa = await page.getByTestId("whatsapp-link").getAttribute("href");
    expect(wa).toMatch(/^https:\/\/wa\.me\/\d+\?text=/);
    expect(decodeURIComponent(wa!.split("text=")[1])).toContain(code);
    await expect(page.getByTestId("whatsapp-link")).toBeInViewport();

    const name = `E2E Shopper ${Date.now()}`;
    const form = page.getByTestId("lead-form");
    await expect(form.getByLabel("Naam")).toHaveAttribute("maxlength", "120");
    await expect(form.getByLabel("Bericht")).toHaveAttribute("maxlength", "4000");
    // Typing stops at maxlength; a value set by a script (autofill, an extension) does not, and the webhook refuses it.
    await form.getByLabel("Naam").evaluate((el, long) => { (el as HTMLInputElement).value = long; }, "x".repeat(121));
    await form.getByLabel("Telefoon").fill("12ab");
    await form.getByRole("button", { name: "Versturen" }).click();
    await expect(form.locator("#lf-name-error")).toBeVisible({ timeout: 30_000 });
    await expect(form.getByText("Vul een geldig telefoonnummer in.")).toBeVisible();
    await expect(form.getByLabel("Naam")).toBeFocused();
    await expect(form.getByLabel("Naam")).toHaveAttribute("aria-invalid", "true");
    await form.getByLabel("Naam").fill(name);
    await form.getByRole("button", { name: "Versturen" }).click();
    await expect(form.locator("#lf-name-error")).toBeHidden({ timeout: 30_000 });
    await expect(form.getByLabel("Telefoon")).toBeFocused();
    await form.getByLabel("Telefoon").fill(`06${String(Date.now()).slice(-8)}`);
    // While the shopper types, the floating WhatsApp bar is out of the way of the form's button.
    await expect(page.getByTestId("whatsapp-link")).toBeHidden();
    await form.getByRole("button", { name: "Versturen" }).click();
    await expect(page.getByTestId("lead-form-thanks")).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: `tests/artifacts/screenshots/site-vehicle-${info.project.name}.png`, fullPage: true });

    await signIn(page, "owner@demo-nl.test");
    await page.goto("/pipeline");
    await expect(page.getByText(name).first()).toBeAttached({ timeout: 30_000 });
  });

  test("changing the make drops the old make's model, and a price written as 20.000 is taken", async ({ page }) => {
    const apply = () => page.getByRole("button", { name: "Toon resultaten" }).click();
    const count = async () => Number((await page.getByTestId("result-count").innerText()).match(/\d+/)![0]);
    await page.goto(`${site}/`);
    // The document itself is in the dealer's language, not only the part below the header.
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await page.getByText("Filters", { exact: true }).click();
    await page.getByLabel("Merk").selectOption("BMW");
    await apply();
    // Only the filters set are in the address a shopper shares.
    await expect(page).toHaveURL(/\/\?make=BMW$/);
    await page.locator('select[name="model"]').selectOption("3-serie");
    await apply();
    await expect(page).toHaveURL(/model=3-serie/);
    await page.getByLabel("Merk").selectOption("Ford");
    await apply();
    await expect(page).toHaveURL(/make=Ford/);
    await expect(page).not.toHaveURL(/model=/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/\?make=Ford$/);
    expect(await count()).toBeGreaterThan(0);
    await expect(page.locator('select[name="model"]')).toHaveValue("");
    for (const card of await page.getByTestId("vehicle-card").all()) await expect(card).toContainText("Ford");

    const fords = await count();
    await page.getByLabel("Prijs tot").fill("20.000");
    await apply();
    await expect(page).toHaveURL(/maxPrice=20\.000/);
    await expect(page.getByLabel("Prijs tot")).toHaveValue("20000");
    expect(await count()).toBeLessThanOrEqual(fords);
    // Back to the Ford page: its form shows the Ford filters, not the price typed there before it was applied.
    await page.goBack();
    await expect(page).not.toHaveURL(/maxPrice/);
    await expect(page.getByLabel("Prijs tot")).toHaveValue("");
    await expect(page.getByLabel("Merk")).toHaveValue("Ford");
  });

  test("flicking through a car's photos adds no history entries, and an address with #photo-n opens on that photo", async ({ page }) => {
    await page.goto(`${site}/`);
    await page.getByTestId("vehicle-card").first().click();
    await page.waitForURL(/\/cars\//, { timeout: 30_000 });
    const car = page.url();
    const thumbnail = (n: number) => page.locator(`a[href="#photo-${n}"]`);
    await thumbnail(3).click();
    await expect(page.locator("#photo-3")).toBeInViewport({ ratio: 0.9 });
    await thumbnail(2).click();
    await expect(page.locator("#photo-2")).toBeInViewport({ ratio: 0.9 });
    await expect(page.locator("#photo-3")).not.toBeInViewport();
    // The address names the photo shown, in place of the car's own entry.
    expect(page.url()).toBe(`${car}#photo-2`);
    await page.goBack();
    await expect(page).toHaveURL(`${site}/`);

    await page.goto(`${car}#photo-3`);
    await expect(page.locator("#photo-3")).toBeInViewport({ ratio: 0.9 });
    await expect(page.locator("#photo-1")).not.toBeInViewport();
  });

  test("an unknown dealer host is a 404", async ({ page }) => {
    const res = await page.goto(`http://no-such-dealer.localhost:${port}/`);
    expect(res?.status()).toBe(404);
  });

  test("a car address with nothing behind it is a 404 in the dealer's language, with the way back to the stock", async ({ page }) => {
    const res = await page.goto(`${site}/cars/volkswagen-golf-1999-a999`);
    expect(res?.status()).toBe(404);
    await expect(page).toHaveTitle("Autohuis Van Dijk");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze pagina bestaat niet (meer)");
    await page.getByRole("link", { name: "Alle auto's" }).click();
    await expect(page.getByTestId("result-count")).toContainText("auto's");
  });
});
