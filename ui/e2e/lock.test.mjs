// The lock screen against the real core: once the app is locked every
// screen gives way to the PIN form; a wrong PIN is refused there, and the
// PIN the device was locked with (DOORSTEP_DEVICE_PIN, set by tests/ui/run.sh)
// opens it again. Never wipes: the other browser tests share this device.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { assertAccessible, backendUrl, launch, phonePage, rpc } from "./harness.mjs";

let base;
let browser;

before(async () => {
  base = await backendUrl();
  browser = await launch();
});

after(async () => {
  // Whatever happened, leave the device open for the tests after this one.
  if (process.env.DOORSTEP_DEVICE_PIN) await rpc(base, { cmd: "unlock", pin: process.env.DOORSTEP_DEVICE_PIN }).catch(() => {});
  await browser?.close();
});

test("a locked app shows only the PIN form, refuses a wrong PIN and opens with the right one", async () => {
  const pin = process.env.DOORSTEP_DEVICE_PIN;
  assert.ok(pin, "tests/ui/run.sh sets DOORSTEP_DEVICE_PIN");
  const { page, context, problems } = await phonePage(browser, base);
  try {
    const locked = await rpc(base, { cmd: "lock" });
    assert.equal(locked.locked, true, "a device locked with a PIN locks");
    await page.goto(`${base}/#/lists`);
    await page.locator("#lock-pin").waitFor();
    assert.equal(await page.locator("a.list").count(), 0, "no list shows behind the lock");
    await assertAccessible(page, "lock screen");

    await page.fill("#lock-pin", "9999-not-it");
    await page.click("form.lock button[type=submit]");
    await page.locator("form.lock [role=alert]").waitFor();
    assert.equal(await page.locator("#lock-pin").count(), 1, "still locked after a wrong PIN");

    await page.fill("#lock-pin", pin);
    await page.click("form.lock button[type=submit]");
    await page.locator("a.list").first().waitFor();
    assert.equal(await page.locator("#lock-pin").count(), 0);
    // The page's own console errors are the rpc refusals while locked: expected.
    assert.deepEqual(problems.filter((p) => !p.includes("locked") && !p.includes("status of 4")), []);
  } finally {
    await context.close();
  }
});
