import { expect as baseExpect, test } from "@playwright/test";
import sharp from "sharp";
import { signIn } from "./sign-in-as";

const expect = baseExpect.configure({ timeout: 20_000 });
const port = Number(process.env.E2E_PORT ?? 3100);
const site = `http://demo-nl.localhost:${port}`;

test("a manager adds a car with a photo, finds it on the dealer site, marks it sold and it is no longer offered", async ({ page }, info) => {
  test.skip(info.project.name === "phone", "the shopper's side is checked on the phone in site.spec; this is the desk flow");
  test.setTimeout(120_000);
  await signIn(page, "manager@demo-nl.test");

  await page.goto("/inventory/new");
  await page.getByRole("button", { name: "Add vehicle" }).click();
  await expect(page.getByLabel("Make")).toHaveAttribute("aria-invalid", "true");

  const variant = `E2E ${Date.now().toString(36)}`;
  await page.getByLabel("Make").fill("Mazda");
  await page.getByLabel("Model").fill("MX-5");
  await page.getByLabel("Variant").fill(variant);
  await page.getByLabel("Year").fill("2019");
  await page.getByLabel("Mileage (km)").fill("41000");
  await page.getByLabel(/^Price/).fill("17950");
  await page.getByLabel("Number plate").fill("XX-123-E");
  await page.getByRole("button", { name: "Add vehicle" }).click();
  await expect(page).toHaveURL(/\/inventory\/[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Mazda MX-5 2019");

  // A real image, made here: the upload checks the content, not the name.
  const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#b91c1c" } }).jpeg().toBuffer();
  await page.getByLabel("Add photos").setInputFiles({ name: "mx5.jpg", mimeType: "image/jpeg", buffer: photo });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByText("Photos added.")).toBeVisible();
  await expect(page.locator("main img").first()).toBeVisible();

  const href = await page.getByRole("link", { name: "View on site" }).getAttribute("href");
  expect(href).toMatch(/\/cars\//);
  const vehicleUrl = new URL(href!, site);
  vehicleUrl.host = `demo-nl.localhost:${port}`;
  const dashboardUrl = page.url();

  await page.goto(vehicleUrl.toString());
  await expect(page.getByRole("heading", { level: 1 })).toContainText("MX-5");
  await expect(page.getByTestId("whatsapp-link")).toBeVisible();
  await page.goto(`${site}/?q=${encodeURIComponent(variant)}`);
  await expect(page.getByTestId("vehicle-card")).toHaveCount(1);

  await page.goto(dashboardUrl);
  await page.getByRole("button", { name: "Mark sold…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: /^Mark #\w+ sold$/ }).click();
  await expect(page.getByRole("button", { name: "Mark available" })).toBeVisible();

  // Gone from the listing at once, and its page says it is sold instead of offering it.
  await page.goto(`${site}/?q=${encodeURIComponent(variant)}`);
  await expect(page.getByTestId("vehicle-card")).toHaveCount(0);
  await page.goto(vehicleUrl.toString());
  await expect(page.getByTestId("sold-title")).toBeVisible();
  await expect(page.getByTestId("whatsapp-link")).toHaveCount(0);
});

// QA: /inventory?page=999 showed "Add your first car" to a dealer with two pages of cars, with page 2 highlighted.
test("a page past the last opens the last page of cars, with the pager on it and the filters kept", async ({ page }, info) => {
  await signIn(page, "manager@demo-nl.test");
  await page.goto("/inventory?page=999");
  await expect(page).toHaveURL(/\/inventory\?page=(\d+)$/);
  const last = Number(new URL(page.url()).searchParams.get("page"));
  expect(last).toBeGreaterThan(1);
  await expect(page.getByText("Add your first car", { exact: false })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^#A\d+ · / }).first()).toBeVisible();
  const pager = page.getByRole("navigation", { name: "Pagination" });
  if (info.project.name === "desktop") await expect(pager.locator("[aria-current=page]")).toHaveText(String(last));
  else await expect(pager).toContainText(`${last} / ${last}`);
  await expect(pager.getByRole("link", { name: "Next" })).toHaveCount(0);

  // A filter with fewer matches than a page: its only page, the search kept.
  await page.goto("/inventory?status=reserved&sort=price_asc&page=7");
  await expect(page).toHaveURL(/\/inventory\?status=reserved&sort=price_asc&page=1$/);
  await expect(page.getByRole("searchbox").or(page.getByLabel("Search inventory"))).toBeVisible();
});
