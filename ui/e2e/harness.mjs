// Shared setup for the browser tests: the backend's address, Chromium at
// phone size, a strict CSP on the page, axe-core, and screenshots.
import { chromium } from "playwright-core";
import axe from "axe-core";
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { rpc } from "./adapter.mjs";

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SCREENS_DIR = join(REPO_ROOT, "artifacts", "screens");
export const LOCALES = ["en", "vi", "fa"];
export const PHONE = { width: 360, height: 740 };

// What the app must run under: no inline script, no eval, nothing from
// another origin. The same policy belongs in tauri.conf.json (see ui/README.md).
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' ipc: http://ipc.localhost",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** The backend under test. Fails (never skips) when it is not set or not answering. */
export async function backendUrl() {
  const raw = process.env.DOORSTEP_UI_URL;
  assert.ok(raw, "DOORSTEP_UI_URL is not set: start `doorstep device --home DIR ui --listen 127.0.0.1:PORT --assets ui/dist` and set DOORSTEP_UI_URL=http://127.0.0.1:PORT");
  const base = raw.replace(/\/+$/, "");
  let status;
  try {
    status = await rpc(base, { cmd: "status" });
  } catch (err) {
    assert.fail(`DOORSTEP_UI_URL=${base} is unreachable: ${err.message}`);
  }
  assert.equal(status.paired, true, `the device behind ${base} is not paired; the harness must pair it before the UI tests`);
  return base;
}

export { rpc };

/** Ids of real data on the device: a walk list with a multilingual script, a door with people, a call list. */
export async function fixtures(base) {
  const lists = await rpc(base, { cmd: "lists" });
  const walks = lists.filter((l) => l.kind === "walk" && l.doors > 0);
  assert.ok(walks.length > 0, `no walk list with doors on the device: ${JSON.stringify(lists)}`);
  let walk = walks[0];
  let script = null;
  for (const l of walks) {
    const s = await rpc(base, { cmd: "script", list_id: l.id });
    if (s && Object.keys(s.texts).length >= 2) {
      walk = l;
      script = s;
      break;
    }
  }
  assert.ok(script, "no walk list has a script written in several languages");
  const call = lists.find((l) => l.kind === "call");
  assert.ok(call, `no call list on the device: ${JSON.stringify(lists.map((l) => [l.name, l.kind]))}`);
  const doors = await rpc(base, { cmd: "doors", list_id: walk.id });
  const door = doors.find((d) => d.people.length > 0);
  assert.ok(door, "no door with people on the walk list");
  return { lists, walk, script, call, doors, door, person: door.people[0] };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

/**
 * A phone-sized page whose document is served with the strict CSP, with
 * every CSP violation, page error and failed request collected.
 */
export async function phonePage(browser, base) {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, hasTouch: true, isMobile: true, serviceWorkers: "block" });
  const page = await context.newPage();
  const problems = [];
  await page.route(
    (url) => url.origin === new URL(base).origin && (url.pathname === "/" || url.pathname.endsWith(".html")),
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": CSP } });
    },
  );
  // Anything leaving the machine would be a bug: the app ships all it needs.
  await page.route(
    (url) => url.origin !== new URL(base).origin && url.protocol !== "data:",
    (route) => {
      problems.push(`external request: ${route.request().url()}`);
      return route.abort();
    },
  );
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return { page, context, problems };
}

/** Opens a screen by its hash route and waits until it has loaded its data. */
export async function openScreen(page, base, hash) {
  await page.goto(`${base}/${hash}`);
  await waitForScreen(page);
}

export async function waitForScreen(page) {
  await page.locator("main h1").first().waitFor({ state: "visible", timeout: 15000 });
  await page.waitForFunction(() => !document.querySelector('main [aria-busy="true"]'), null, { timeout: 15000 });
  await page.evaluate(() => document.fonts.ready);
}

/** Sets the UI language through the core, as the Settings screen does. */
export async function setUiLanguage(base, tag) {
  const current = await rpc(base, { cmd: "get_settings" });
  await rpc(base, { cmd: "set_settings", settings: { ...current, ui_language: tag } });
}

export function localeShipped(tag) {
  return existsSync(join(REPO_ROOT, "locales", tag, "main.ftl"));
}

/** Runs axe-core in the page; fails on any serious or critical violation. */
export async function assertAccessible(page, label) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} :: ${n.failureSummary}`) }));
  });
  const bad = result.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(bad, [], `${label}: axe found serious/critical violations:\n${JSON.stringify(bad, null, 2)}`);
  return result;
}

export async function screenshot(page, locale, screen) {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = join(SCREENS_DIR, `${locale}-${screen}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
