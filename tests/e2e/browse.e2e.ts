import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectAccessible, launch, PHONE, watchConsole } from "./browser";

// The donor's first journey: browse → filter → search without diacritics → open an address →
// share → switch to English → back to Vietnamese. Run with JavaScript, without it, and on a phone.

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, locale: "vi-VN" };

async function cardTitles(page: Page): Promise<string[]> {
  await page.locator("[data-address-list] > li").first().waitFor({ timeout: 15_000 });
  return page.locator("[data-address-list] > li h2, [data-address-list] > li h3").allInnerTexts();
}

async function journey(options: BrowserContextOptions, label: string) {
  const context = await browser.newContext({ ...options, baseURL: baseUrl });
  const page = await context.newPage();
  const errors = watchConsole(page);
  page.setDefaultTimeout(15_000);
  try {
    // Home, in Vietnamese by default.
    await page.goto("/");
    expect(await page.getAttribute("html", "lang")).toBe("vi");
    await expectAccessible(page, options);

    // Browse the list.
    await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Địa chỉ nhân đạo" }).click();
    await page.waitForURL(/\/addresses/);
    expect((await cardTitles(page)).length).toBeGreaterThan(0);
    await expectAccessible(page, options);

    // Filter by category (the filters sit behind a disclosure, which works without JavaScript too).
    const filters = page.locator("[data-catalogue-filters]");
    await filters.locator("summary").click();
    await filters.locator("#catalogue-category").selectOption("poor_fisherman");
    await filters.getByRole("button", { name: "Áp dụng" }).click();
    await page.waitForURL(/category=poor_fisherman/);
    // With JavaScript the URL changes first and the list follows: wait until every card shows the category.
    await expect
      .poll(async () => {
        const cards = await page.locator("[data-address-list] > li").allInnerTexts();
        return cards.length > 0 && cards.every((card) => /ngư dân nghèo/i.test(card));
      })
      .toBe(true);
    await expectAccessible(page, options);

    // Search typed without diacritics finds the fishermen of Rạch Giá, best match first.
    await page.locator("#catalogue-q").fill("ngu dan rach gia");
    await page.locator("#catalogue-q").press("Enter");
    await page.waitForURL(/q=ngu(\+|%20)dan(\+|%20)rach(\+|%20)gia/);
    const first = page.locator("[data-address-list] > li").first();
    await expect.poll(() => first.innerText()).toMatch(/Rạch Giá/);
    await expectAccessible(page, options);

    // Open the best match.
    await first.locator("a").first().click();
    await page.waitForURL(/\/addresses\/[a-z0-9-]+$/);
    const article = page.locator("article[data-address-page]");
    await expect.poll(() => article.count()).toBe(1);
    const pageUrl = page.url();
    await expectAccessible(page, options);

    // Sharing: a Facebook link and the page's own link are always there.
    const share = page.locator("[data-share-controls]");
    const facebook = await share.getByRole("link", { name: /Facebook/ }).getAttribute("href");
    expect(facebook).toContain("facebook.com/sharer/sharer.php");
    expect(decodeURIComponent(facebook!)).toContain(new URL(pageUrl).pathname);
    expect(await share.getByLabel("Đường dẫn đến trang này").inputValue()).toContain(new URL(pageUrl).pathname);
    const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
    expect(ogImage).toMatch(/^https?:\/\/.+\/media\/\d+/);

    // Switch to English: the interface changes, the story stays as written.
    const title = await page.locator("h1").innerText();
    await page.getByRole("list", { name: "Ngôn ngữ" }).getByRole("link", { name: "English" }).click();
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("en");
    expect(new URL(page.url()).pathname).toBe(new URL(pageUrl).pathname);
    expect(await page.locator("h1").innerText()).toBe(title);
    await expect.poll(() => page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Humanitarian addresses" }).count()).toBe(1);
    await expectAccessible(page, options);

    // And back to Vietnamese; the choice sticks across pages.
    await page.getByRole("list", { name: "Language" }).getByRole("link", { name: "Tiếng Việt" }).click();
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("vi");
    // Back: the language links are plain links (they work without JavaScript), so this is a
    // document traversal that may still be loading when goBack returns; let it finish first.
    await page.goBack({ waitUntil: "load" });
    await page.waitForURL((url) => url.pathname === new URL(pageUrl).pathname, { waitUntil: "load" });
    await page.waitForLoadState("networkidle");
    expect(await page.locator("h1").innerText()).toBe(title);
    await page.goto("/addresses");
    expect(await page.getAttribute("html", "lang")).toBe("vi");

    expect(errors, `${label}: console errors`).toEqual([]);
  } finally {
    await context.close();
  }
}

describe("a donor finds an address by typing without accents", () => {
  it("on a desktop browser with JavaScript", async () => {
    await journey(DESKTOP, "desktop");
  });

  it("with JavaScript disabled", async () => {
    await journey({ ...DESKTOP, javaScriptEnabled: false }, "no-js");
  });

  it("on a 360 px phone", async () => {
    await journey(PHONE, "phone");
  });
});

describe("what a visitor can always rely on", () => {
  it("an unknown address gets a localised 404 page, not an error", async () => {
    const context = await browser.newContext({ ...DESKTOP, baseURL: baseUrl });
    const page = await context.newPage();
    const res = await page.goto("/addresses/khong-ton-tai");
    expect(res?.status()).toBe(404);
    expect(await page.locator("h1").innerText()).toMatch(/Không tìm thấy/);
    await expectAccessible(page);
    await context.close();
  });

  it("a filter value the site does not know is ignored with a notice", async () => {
    const context = await browser.newContext({ ...DESKTOP, baseURL: baseUrl });
    const page = await context.newPage();
    const res = await page.goto("/addresses?category=unicorns");
    expect(res?.status()).toBe(200);
    expect(await page.locator("[data-catalogue-notices]").innerText()).toMatch(/unicorns/);
    expect((await cardTitles(page)).length).toBeGreaterThan(0);
    await context.close();
  });

  it("chapter and campaign pages are reachable and accessible", async () => {
    const context = await browser.newContext({ ...PHONE, baseURL: baseUrl });
    const page = await context.newPage();
    await page.goto("/campaigns");
    await expectAccessible(page);
    await page.locator("main a[href^='/campaigns/']").first().click();
    await page.waitForURL(/\/campaigns\/[a-z0-9-]+/);
    await expectAccessible(page);
    await page.goto("/addresses");
    await page.locator("[data-address-list] > li a").first().click();
    await page.waitForURL(/\/addresses\/[a-z0-9-]+$/);
    await page.locator("main a[href^='/chapters/']").first().click();
    await page.waitForURL(/\/chapters\/[a-z0-9-]+/);
    await expectAccessible(page);
    await context.close();
  });
});
