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
    await form.getByLabel("Naam").fill(name);
    await form.getByLabel("Telefoon").fill("12ab");
    await form.getByRole("button", { name: "Versturen" }).click();
    await expect(form.getByText("Vul een geldig telefoonnummer in.")).toBeVisible({ timeout: 30_000 });
    await form.getByLabel("Telefoon").fill(`06${String(Date.now()).slice(-8)}`);
    await form.getByRole("button", { name: "Versturen" }).click();
    await expect(page.getByTestId("lead-form-thanks")).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: `tests/artifacts/screenshots/site-vehicle-${info.project.name}.png`, fullPage: true });

    await signIn(page, "owner@demo-nl.test");
    await page.goto("/pipeline");
    await expect(page.getByText(name).first()).toBeAttached({ timeout: 30_000 });
  });

  test("an unknown dealer host is a 404", async ({ page }) => {
    const res = await page.goto(`http://no-such-dealer.localhost:${port}/`);
    expect(res?.status()).toBe(404);
  });

  test("a car address with nothing behind it is a 404 in the dealer's language, with the way back to the stock", async ({ page }) => {
    const res = await page.goto(`${site}/cars/volkswagen-golf-1999-a999`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze pagina bestaat niet (meer)");
    await page.getByRole("link", { name: "Alle auto's" }).click();
    await expect(page.getByTestId("result-count")).toContainText("auto's");
  });
});
