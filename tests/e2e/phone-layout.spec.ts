import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in-as";

// Every dashboard page fits a phone's width (a long message preview once pushed the inbox wider than the
// screen, and the bottom tabs with it), and the sections behind "More" open from the tab bar.
test("on a phone every dashboard page fits the screen and the More tab opens the other sections", async ({ page }, info) => {
  test.skip(info.project.name !== "phone", "phone layout");
  test.setTimeout(120_000);
  await signIn(page, "manager@demo-nl.test");

  for (const path of ["/", "/inbox", "/pipeline", "/inventory", "/analytics", "/followups", "/broadcasts", "/assistant", "/assistant/knowledge", "/settings", "/settings/assistant"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} is ${overflow}px wider than the screen`).toBeLessThanOrEqual(0);
  }

  await page.goto("/inbox");
  await page.getByRole("button", { name: "More" }).click();
  await page.getByRole("link", { name: "Follow-ups" }).click();
  await expect(page).toHaveURL(/\/followups$/);
  await expect(page.getByRole("heading", { name: "Follow-ups", level: 1 })).toBeVisible();
});

const heightOf = (el: Element) => el.getBoundingClientRect().height;

// QA measured the board's name links at 16 px and the analytics ranges at 20 px on a phone: a finger hit the
// neighbour. On a desktop, with a mouse, the board's cards keep their text height.
test("the board's names and the analytics ranges are tall enough to tap on a phone, and no taller on a desktop", async ({ page }, info) => {
  await signIn(page, "manager@demo-nl.test");
  await page.goto("/pipeline");
  const names = page.getByRole("main").getByRole("heading", { level: 3 }).getByRole("link");
  await expect(names.first()).toBeVisible();
  const nameHeight = await names.first().evaluate(heightOf);
  if (info.project.name === "phone") expect(nameHeight).toBeGreaterThanOrEqual(40);
  else expect(nameHeight).toBeLessThan(28);

  await page.goto("/analytics");
  for (const range of ["7 days", "30 days", "90 days"]) {
    expect(await page.getByRole("link", { name: range, exact: true }).evaluate(heightOf)).toBeGreaterThanOrEqual(40);
  }
});

// QA: the phone's top bar said "Inbox" and the page's own heading said it again right under it.
test("on a phone the inbox says Inbox once, and its heading is still there for screen readers", async ({ page }, info) => {
  await signIn(page, "manager@demo-nl.test");
  await expect(page.getByRole("list", { name: "Conversations" })).toBeVisible();
  // Seen means more than the 1 px box a screen-reader-only text keeps.
  const shown = () => page.locator("header, main").getByText("Inbox", { exact: true }).evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().height > 1).length);
  const heading = page.getByRole("heading", { name: "Inbox", level: 1 });
  await expect(heading).toHaveCount(1);
  if (info.project.name === "phone") {
    expect(await shown()).toBe(1);
  } else {
    expect(await heading.evaluate(heightOf)).toBeGreaterThan(10);
  }
});
