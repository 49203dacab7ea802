// Names and languages against the real core: in the Persian (right-to-left)
// UI a Latin-script name is given-first inside an isolating element; in the
// English UI a Vietnamese or East Asian name stays family-first; a device
// with no saved language follows the browser's (the phone's) languages, and
// a saved choice wins over them.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { backendUrl, fixtures, launch, localeShipped, openScreen, PHONE, rpc, setUiLanguage } from "./harness.mjs";

const FAMILY_FIRST = ["vi", "zh", "ko", "ja", "km", "hu", "mn"];
const FAMILY_FIRST_SCRIPT = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Khmer}]/u;

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

const primary = (tag) => (tag ?? "").split("-")[0].toLowerCase();
const joined = (...parts) => parts.map((s) => (s ?? "").trim()).filter(Boolean).join(" ");

/**
 * The first person who matches on any list, with where their name shows:
 * their door on a walk list, or the phone bank on a call list (which calls
 * only people with a phone who may be contacted).
 */
async function findPerson(match) {
  for (const list of fx.lists) {
    const doors = list.id === fx.walk.id ? fx.doors : await rpc(base, { cmd: "doors", list_id: list.id });
    for (const door of doors) {
      const callable = (p) => list.kind !== "call" || (p.phones.length > 0 && !p.do_not_contact);
      const person = door.people.find((p) => callable(p) && match(p));
      if (!person) continue;
      if (list.kind === "call") return { person, hash: `#/call/${encodeURIComponent(list.id)}?person=${encodeURIComponent(person.id)}`, name: "#callee-name .name" };
      return { person, hash: `#/door/${encodeURIComponent(door.household_id)}?list=${encodeURIComponent(list.id)}`, name: `article[data-person="${person.id}"] h3 .name` };
    }
  }
  return null;
}

/** A page whose browser reports `locales` as its languages (navigator.languages). */
async function pageWithLanguages(locales) {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, serviceWorkers: "block", locale: locales[0] });
  await context.addInitScript((langs) => Object.defineProperty(navigator, "languages", { get: () => langs }), locales);
  return { context, page: await context.newPage() };
}

async function shownName(page, { hash, name: selector }) {
  await openScreen(page, base, hash);
  const name = page.locator(selector);
  await name.waitFor();
  return name.evaluate((el) => ({
    tag: el.tagName.toLowerCase(),
    text: el.textContent,
    unicodeBidi: getComputedStyle(el).unicodeBidi,
    dir: getComputedStyle(el).direction,
    pageDir: document.documentElement.dir,
    pageLang: document.documentElement.lang,
  }));
}

describe("names", () => {
  test("in the fa UI a Latin-script name is given-first, isolated", async () => {
    assert.ok(localeShipped("fa"), "locales/fa/main.ftl is missing");
    const found = await findPerson(
      (p) => /^[\p{Script=Latin}\s'.-]+$/u.test(joined(p.given_name, p.family_name)) && p.given_name && p.family_name && !FAMILY_FIRST.includes(primary(p.preferred_language)) && !FAMILY_FIRST_SCRIPT.test(p.native_name),
    );
    assert.ok(found, "no person with a Latin-script, given-first name on the device's lists");
    await setUiLanguage(base, "fa");
    const { context, page } = await pageWithLanguages(["en-US"]);
    try {
      const got = await shownName(page, found);
      assert.equal(got.pageDir, "rtl");
      assert.equal(got.pageLang, "fa");
      assert.equal(got.tag, "bdi", "the name sits in an isolating element");
      assert.equal(got.unicodeBidi, "isolate");
      // Its own characters set its direction, not the page's.
      assert.equal(got.dir, "ltr");
      const p = found.person;
      assert.equal(got.text, joined(p.given_name, p.middle_name, p.family_name));
    } finally {
      await context.close();
    }
  });

  test("in the en UI a name of a family-first culture stays family-first", async () => {
    const found = await findPerson((p) => p.given_name && p.family_name && (FAMILY_FIRST.includes(primary(p.preferred_language)) || FAMILY_FIRST_SCRIPT.test(p.native_name)));
    assert.ok(found, "no person of a family-first name culture (vi, zh, ko, ja, km…) on the device's lists");
    await setUiLanguage(base, "en");
    const { context, page } = await pageWithLanguages(["en-US"]);
    try {
      const got = await shownName(page, found);
      assert.equal(got.pageLang, "en");
      const p = found.person;
      assert.equal(got.text, joined(p.family_name, p.middle_name, p.given_name));
    } finally {
      await context.close();
    }
  });
});

describe("the first run's language", () => {
  async function startedIn(languages) {
    const { context, page } = await pageWithLanguages(languages);
    try {
      await openScreen(page, base, "#/settings");
      return await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
    } finally {
      await context.close();
    }
  }

  test("with no saved choice the UI speaks the phone's language, else English", async () => {
    const cleared = await rpc(base, { cmd: "set_settings", settings: { ...original, ui_language: "" } });
    assert.equal(cleared.ui_language, "", "the core keeps 'no choice yet' as an empty language");
    assert.deepEqual(await startedIn(["vi-VN", "en"]), { lang: "vi", dir: "ltr" });
    assert.deepEqual(await startedIn(["fa-IR"]), { lang: "fa", dir: "rtl" });
    assert.equal(localeShipped("de"), false, "this check needs a language Doorstep does not ship");
    assert.deepEqual(await startedIn(["de-DE"]), { lang: "en", dir: "ltr" });
  });

  test("a saved choice wins over the phone's language", async () => {
    await setUiLanguage(base, "es");
    assert.deepEqual(await startedIn(["vi-VN", "en"]), { lang: "es", dir: "ltr" });
  });

  test("choosing in Settings saves the choice", async () => {
    await rpc(base, { cmd: "set_settings", settings: { ...original, ui_language: "" } });
    const { context, page } = await pageWithLanguages(["vi-VN"]);
    try {
      await openScreen(page, base, "#/settings");
      assert.equal(await page.evaluate(() => document.documentElement.lang), "vi");
      await page.locator('input[name="ui-language"][value="ko"]').check();
      await page.waitForFunction(() => document.documentElement.lang === "ko");
      assert.equal((await rpc(base, { cmd: "get_settings" })).ui_language, "ko");
    } finally {
      await context.close();
    }
  });
});
