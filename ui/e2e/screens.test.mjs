// Every screen at phone size in en, vi and fa, against the real core:
// no serious or critical axe violation, no CSP violation, the document's
// language and direction right, and a screenshot of each for review.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertAccessible, backendUrl, fixtures, launch, LOCALES, localeShipped, openScreen, phonePage, rpc, screenshot, setUiLanguage } from "./harness.mjs";

let base;
let browser;
let fx;
let original;

before(async () => {
  base = await backendUrl();
  fx = await fixtures(base);
  original = await rpc(base, { cmd: "get_settings" });
  browser = await launch();
});

after(async () => {
  if (original) await rpc(base, { cmd: "set_settings", settings: original });
  await browser?.close();
});

function screens() {
  const list = encodeURIComponent(fx.walk.id);
  const hh = encodeURIComponent(fx.door.household_id);
  const person = encodeURIComponent(fx.person.id);
  return [
    { name: "pairing", hash: "#/pair" },
    { name: "lists", hash: "#/lists", expect: async (page) => assert.ok((await page.locator("a.list").count()) >= 2, "lists show both lists") },
    {
      name: "walk-list",
      hash: `#/list/${list}`,
      expect: async (page) => {
        const rows = await page.locator("[role=list] > [role=listitem]").count();
        assert.ok(rows > 0, "doors render");
        // Windowing: a long list renders only what is near the screen.
        if (fx.doors.length > 200) assert.ok(rows < 120, `only visible rows are rendered (got ${rows} for ${fx.doors.length} doors)`);
        // Scrolling to the end brings the last door in, and back to the top the first.
        const last = fx.doors[fx.doors.length - 1].household_id;
        await page.locator(".viewport").evaluate((el) => (el.scrollTop = el.scrollHeight));
        await page.locator(`a.door[data-household="${last}"]`).waitFor();
        await page.locator(".viewport").evaluate((el) => (el.scrollTop = 0));
        await page.locator(`a.door[data-household="${fx.doors[0].household_id}"]`).waitFor();
      },
    },
    { name: "door", hash: `#/door/${hh}?list=${list}`, expect: async (page) => assert.ok(await page.locator("[data-result=not_home]").isVisible()) },
    {
      name: "script",
      hash: `#/script/${list}?door=${hh}&person=${person}`,
      expect: async (page) => assert.ok((await page.locator(".script-text p[lang]").count()) > 0, "script paragraphs carry their language"),
    },
    { name: "i-speak", hash: `#/speak/${hh}/${person}?list=${list}`, expect: async (page) => assert.ok((await page.locator("button[data-tag]").count()) >= 27) },
    { name: "phone-bank", hash: `#/call/${encodeURIComponent(fx.call.id)}` },
    {
      name: "event",
      hash: "#/event",
      prepare: async (page) => {
        // Type a name already on the phone so the duplicate panel shows.
        await page.locator("#ev-given").fill(fx.person.given_name);
        await page.locator("#ev-family").fill(fx.person.family_name);
        await page.waitForTimeout(600);
      },
    },
    {
      name: "search",
      hash: `#/search?q=${encodeURIComponent(fx.person.family_name || fx.person.given_name)}`,
      // The count is announced once the core has answered.
      prepare: async (page) => page.waitForFunction(() => document.querySelector("main p[role=status]")?.textContent?.trim()),
    },
    { name: "settings", hash: "#/settings" },
  ];
}

for (const locale of LOCALES) {
  describe(`screens in ${locale}`, () => {
    let page;
    let context;
    let problems;

    before(async () => {
      await setUiLanguage(base, locale);
      ({ page, context, problems } = await phonePage(browser, base));
    });
    after(async () => context?.close());

    for (const screen of ["pairing", "lists", "walk-list", "door", "script", "i-speak", "phone-bank", "event", "search", "settings"]) {
      test(screen, async () => {
        const s = screens().find((x) => x.name === screen);
        await openScreen(page, base, s.hash);
        if (s.prepare) await s.prepare(page);

        const html = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
        if (localeShipped(locale)) {
          assert.equal(html.lang, locale);
          assert.equal(html.dir, locale === "fa" ? "rtl" : "ltr");
        } else {
          // Until translators add locales/<tag>/, the UI falls back to English.
          assert.equal(html.lang, "en", `locales/${locale}/main.ftl is missing, so the UI must fall back to English`);
        }
        assert.ok(await page.locator("footer .sync-bar").isVisible(), "the sync bar is always visible");
        if (s.expect) await s.expect(page);

        await assertAccessible(page, `${locale} ${screen}`);
        await screenshot(page, locale, screen);
        assert.deepEqual(problems.splice(0), [], `${locale} ${screen}: console errors, CSP violations or external requests`);
      });
    }
  });
}
