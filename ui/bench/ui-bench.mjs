#!/usr/bin/env node
// UI performance benchmark: the walk list at phone size (360×740) on a device
// holding a big list (the issue's figure is 5,000 households), against the
// real core behind `doorstep device --home DIR ui --listen … --assets ui/dist`.
//
//   node ui/bench/ui-bench.mjs [--url http://127.0.0.1:PORT] [--json] [options]
//
// (tests/ui/bench.sh builds such a device from generated voters and runs this.)
// It measures, and never fails for being slow; it exits non-zero only when it
// cannot run (no backend, device not paired, no walk list, a screen that never
// appears). Figures are milliseconds unless the name says otherwise.
//
// 1. Cold start. A fresh browser context (empty cache, no service worker) per
//    load, navigating straight to #/list/<id>. "Interactive" is, counted from
//    navigation start (performance.timeOrigin): the first moment at which
//    (a) a door row (`[role=list] > [role=listitem] a.door`) is in the DOM and
//    (b) `#walk-filter` is in the DOM, enabled and has a non-empty box — seen
//    by a MutationObserver installed before any page script — plus the rest of
//    that rendering: the time is taken in a task posted from the next
//    requestAnimationFrame callback, i.e. after that frame's style, layout and
//    paint ran on the main thread. Marked as `doorstep:walk-rows` and
//    `doorstep:walk-interactive`. Afterwards the filter is checked to accept a
//    keystroke. One warm-up load is made first and reported apart.
// 2. Search as you type. Real key events (CDP Input.dispatchKeyEvent through
//    Playwright's keyboard) into #walk-filter, one at a time: common family and
//    given names from the list typed letter by letter, then erased with
//    Backspace (the last Backspace brings back the whole list). Per keystroke:
//    from the keydown event's timeStamp to a task posted from the first
//    requestAnimationFrame after the `input` event, i.e. the end of the first
//    frame that shows the filtered list. The Event Timing API's duration
//    (keydown → next paint, 8 ms granularity) is reported next to it.
// 3. Scroll. The whole unfiltered list is scrolled top to bottom by a fixed
//    step per animation frame (main-thread scrolling, so every frame has to
//    render the rows that came into view). Reported: rAF-to-rAF frame
//    intervals, frames over 50 ms, long animation frames (LoAF), the number of
//    rows (`.vrow`) and elements in the DOM, and frames whose viewport centre
//    showed no row (blank).
// 4. Memory over a shift. One page, N doors (default 200): from the walk list,
//    open the first door not yet done (scrolling down to it like a canvasser),
//    tap "Not home", wait for "saved", go back, wait for the list. Every K doors
//    (default 20), and before the first, GC is forced (CDP
//    HeapProfiler.collectGarbage) and JSHeapUsedSize / DOM node and listener
//    counts read (CDP Performance.getMetrics), plus performance.memory
//    (--enable-precise-memory-info). The slope is a least-squares line through
//    the samples. The shift writes N not_home attempts to the device.
//
// Targets (all booleans in `targets`; what each one tests is in `criteria`).
import { chromium } from "playwright-core";
import { writeFileSync } from "node:fs";
import { rpc } from "../e2e/adapter.mjs";

const PHONE = { width: 360, height: 740 };

// ---------------------------------------------------------------- options --

function parseArgs(argv) {
  const o = {
    url: process.env.DOORSTEP_UI_URL ?? null,
    json: false,
    out: null,
    coldRuns: 10,
    shiftDoors: 200,
    sampleEvery: 20,
    scrollStep: 240,
    cpuThrottle: 1,
    dpr: 1,
    list: null,
    phases: ["cold", "search", "scroll", "memory"],
    chromium: process.env.CHROMIUM ?? "/usr/bin/chromium",
  };
  const num = (v, name) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) die(`${name} wants a number, got ${v}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const val = () => inline ?? argv[++i] ?? die(`${flag} wants a value`);
    switch (flag) {
      case "--url": o.url = val(); break;
      case "--json": o.json = true; break;
      case "--out": o.out = val(); break;
      case "--cold-runs": o.coldRuns = num(val(), flag); break;
      case "--shift-doors": o.shiftDoors = num(val(), flag); break;
      case "--sample-every": o.sampleEvery = Math.max(1, num(val(), flag)); break;
      case "--scroll-step": o.scrollStep = Math.max(1, num(val(), flag)); break;
      case "--cpu-throttle": o.cpuThrottle = Math.max(1, num(val(), flag)); break;
      case "--dpr": o.dpr = Math.max(1, num(val(), flag)); break;
      case "--list": o.list = val(); break;
      case "--only": o.phases = val().split(",").map((s) => s.trim()).filter(Boolean); break;
      case "--chromium": o.chromium = val(); break;
      case "-h":
      case "--help":
        process.stdout.write(
          [
            "usage: node ui/bench/ui-bench.mjs [--url URL] [--json] [--out FILE]",
            "  --url URL            the device UI (default $DOORSTEP_UI_URL)",
            "  --json               print one JSON object instead of the table",
            "  --out FILE           also write the JSON object to FILE",
            "  --cold-runs N        cold loads to time (10)",
            "  --shift-doors N      doors in the simulated shift (200)",
            "  --sample-every K     memory sample every K doors (20)",
            "  --scroll-step PX     pixels scrolled per animation frame (240)",
            "  --cpu-throttle X     CDP CPU slow-down factor, 1 = none (1)",
            "  --dpr X              device pixel ratio (1)",
            "  --list ID            walk list to use (default: the one with most doors)",
            "  --only a,b           phases: cold,search,scroll,memory (all)",
            "  --chromium PATH      browser (default $CHROMIUM or /usr/bin/chromium)",
            "",
          ].join("\n"),
        );
        process.exit(0);
      default:
        die(`unknown argument ${a} (try --help)`);
    }
  }
  for (const p of o.phases) if (!["cold", "search", "scroll", "memory"].includes(p)) die(`unknown phase ${p}`);
  if (!o.url) die("no backend: pass --url http://127.0.0.1:PORT or set DOORSTEP_UI_URL (a paired `doorstep device … ui`)");
  o.url = o.url.replace(/\/+$/, "");
  return o;
}

function die(msg) {
  process.stderr.write(`ui-bench: ${msg}\n`);
  process.exit(2);
}

const log = (msg) => process.stderr.write(`[ui-bench] ${msg}\n`);

// ------------------------------------------------------------------ stats --

/** Nearest-rank percentile (p in 0..100) of numbers. */
function pct(values, p) {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1];
}

function summary(values) {
  if (values.length === 0) return { n: 0, min: null, p50: null, p95: null, max: null, mean: null };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { n: values.length, min: Math.min(...values), p50: pct(values, 50), p95: pct(values, 95), max: Math.max(...values), mean };
}

/** Least-squares slope and intercept of y over x. */
function fit(xs, ys) {
  const n = xs.length;
  if (n < 2) return { slope: 0, intercept: ys[0] ?? 0 };
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

const r1 = (x) => (x == null ? null : Math.round(x * 10) / 10);
const r3 = (x) => (x == null ? null : Math.round(x * 1000) / 1000);
const roundAll = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === "number" ? r1(v) : v]));
const MB = 1024 * 1024;

// --------------------------------------------------------------- browser --

async function launch(opts) {
  return chromium.launch({
    executablePath: opts.chromium,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--enable-precise-memory-info",
      // A benchmark must not be slowed down for being in the background.
      "--disable-background-timer-throttling",
      "--disable-renderer-backgrounding",
      "--disable-backgrounding-occluded-windows",
    ],
  });
}

// Installed before any page script: notices when the walk list is interactive
// (see the header for the definition) and keeps the observations on window.
function coldStartProbe() {
  const out = { rowsAt: null, interactiveAt: null, rowsInDom: null };
  Object.defineProperty(window, "__doorstepBench", { value: out, configurable: true });
  const ready = () => {
    if (!document.querySelector("[role=list] > [role=listitem] a.door")) return false;
    const input = document.getElementById("walk-filter");
    if (!input || input.disabled) return false;
    const box = input.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const check = () => {
    if (out.rowsAt !== null || !ready()) return;
    out.rowsAt = performance.now();
    observer.disconnect();
    performance.mark("doorstep:walk-rows");
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        out.interactiveAt = performance.now();
        out.rowsInDom = document.querySelectorAll("[role=list] > [role=listitem]").length;
        performance.mark("doorstep:walk-interactive");
      };
      channel.port2.postMessage(null);
    });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["disabled"] });
}

async function phonePage(browser, opts) {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: opts.dpr, hasTouch: true, isMobile: true, serviceWorkers: "block" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (err) => errors.push(`page error: ${err.message}`));
  page.on("console", (msg) => {
    // A 404 is reported by "response" below, with its address.
    if (msg.type() === "error" && !/^Failed to load resource/.test(msg.text())) errors.push(`console: ${msg.text()}`);
  });
  page.on("response", (res) => {
    // The server has no favicon; the browser asks anyway.
    if (res.status() >= 400 && new URL(res.url()).pathname !== "/favicon.ico") errors.push(`HTTP ${res.status()} ${res.url()}`);
  });
  await page.addInitScript(coldStartProbe);
  const cdp = await context.newCDPSession(page);
  if (opts.cpuThrottle > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: opts.cpuThrottle });
  return { context, page, cdp, errors };
}

/** Loads the walk list and waits until it is interactive; returns the probe's figures. */
async function openWalkList(page, base, listId) {
  await page.goto(`${base}/#/list/${encodeURIComponent(listId)}`, { waitUntil: "commit" });
  await page.waitForFunction(() => window.__doorstepBench?.interactiveAt != null, null, { timeout: 60000, polling: 50 });
}

/** The walk list after an in-app navigation: rows shown and nothing loading. */
async function waitForWalkList(page) {
  await page.waitForFunction(
    () =>
      document.querySelector("main")?.dataset.screen === "list" &&
      !document.querySelector('main [aria-busy="true"]') &&
      document.querySelector("[role=list] > [role=listitem] a.door") !== null,
    null,
    { timeout: 60000, polling: "raf" },
  );
}

const settle = (page, ms = 300) => page.waitForTimeout(ms);

// ------------------------------------------------------------ cold start --

async function coldStart(browser, opts, base, listId) {
  const runs = [];
  for (let i = 0; i < opts.coldRuns + 1; i++) {
    const { context, page, errors } = await phonePage(browser, opts);
    try {
      const wall0 = Date.now();
      await openWalkList(page, base, listId);
      const wallMs = Date.now() - wall0;
      const figures = await page.evaluate(() => {
        const b = window.__doorstepBench;
        const nav = performance.getEntriesByType("navigation")[0];
        const fcp = performance.getEntriesByName("first-contentful-paint")[0];
        const rpcs = performance.getEntriesByType("resource").filter((e) => new URL(e.name).pathname === "/rpc");
        const before = rpcs.filter((e) => e.responseEnd <= b.interactiveAt);
        const biggest = before.reduce((m, e) => (m && m.encodedBodySize >= e.encodedBodySize ? m : e), null);
        return {
          interactive: b.interactiveAt,
          rows_seen: b.rowsAt,
          rows_in_dom: b.rowsInDom,
          response_end: nav?.responseEnd ?? null,
          dom_content_loaded: nav?.domContentLoadedEventEnd ?? null,
          first_contentful_paint: fcp?.startTime ?? null,
          rpc_calls_before_interactive: before.length,
          doors_rpc_start: biggest?.startTime ?? null,
          doors_rpc_end: biggest?.responseEnd ?? null,
          doors_rpc_bytes: biggest?.encodedBodySize ?? null,
          js_heap_mb: performance.memory ? performance.memory.usedJSHeapSize / (1024 * 1024) : null,
        };
      });
      // Usable: it takes focus and a keystroke.
      const input = page.locator("#walk-filter");
      await input.focus();
      await page.keyboard.type("a");
      const usable = (await input.inputValue()) === "a";
      if (!usable) throw new Error("the walk-list filter did not accept a keystroke");
      if (errors.length) throw new Error(`the page reported errors: ${errors.join("; ")}`);
      runs.push({ ...roundAll(figures), wall_ms: wallMs });
      log(`cold start ${i === 0 ? "warm-up" : `${i}/${opts.coldRuns}`}: interactive at ${figures.interactive.toFixed(0)} ms (doors rpc ${figures.doors_rpc_start?.toFixed(0)}–${figures.doors_rpc_end?.toFixed(0)} ms)`);
    } finally {
      await context.close();
    }
  }
  const [warmup, ...timed] = runs;
  const pick = (k) => timed.map((r) => r[k]).filter((v) => v != null);
  return {
    runs: opts.coldRuns,
    definition: "navigation start → end of the first frame with a door row in the DOM and #walk-filter enabled and laid out",
    interactive: roundAll(summary(pick("interactive"))),
    rows_seen: roundAll(summary(pick("rows_seen"))),
    first_contentful_paint: roundAll(summary(pick("first_contentful_paint"))),
    dom_content_loaded: roundAll(summary(pick("dom_content_loaded"))),
    doors_rpc_start: roundAll(summary(pick("doors_rpc_start"))),
    doors_rpc_end: roundAll(summary(pick("doors_rpc_end"))),
    doors_rpc_ms: roundAll(summary(timed.filter((r) => r.doors_rpc_end != null).map((r) => r.doors_rpc_end - r.doors_rpc_start))),
    doors_rpc_bytes: timed[0]?.doors_rpc_bytes ?? null,
    rows_in_dom: timed[0]?.rows_in_dom ?? null,
    wall: roundAll(summary(pick("wall_ms"))),
    js_heap_mb: roundAll(summary(pick("js_heap_mb"))),
    warmup_interactive: warmup?.interactive ?? null,
    samples: timed.map((r) => r.interactive),
  };
}

// ---------------------------------------------------------------- search --

function namesToType(doors) {
  const family = new Map();
  const given = new Map();
  for (const d of doors)
    for (const p of d.people) {
      const f = (p.family_name ?? "").trim();
      const g = (p.given_name ?? "").trim();
      if (/^[A-Za-z][A-Za-z' -]{2,}$/.test(f)) family.set(f, (family.get(f) ?? 0) + 1);
      if (/^[A-Za-z][A-Za-z' -]{2,}$/.test(g)) given.set(g, (given.get(g) ?? 0) + 1);
    }
  const byCount = (m) => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
  const fam = byCount(family);
  const giv = byCount(given);
  // The most common family name (widest matches at every letter), a middling
  // one, and a common given name.
  const picks = [fam[0], fam[Math.min(fam.length - 1, 10)], giv[0]].filter(Boolean);
  return [...new Set(picks)].map((w) => w.toLowerCase());
}

function keystrokeProbe() {
  const state = { samples: [], events: [], pending: null };
  Object.defineProperty(window, "__doorstepKeys", { value: state, configurable: true });
  const list = document.querySelector("[role=list]")?.closest(".walk") ?? document.querySelector("main");
  let mutated = false;
  new MutationObserver(() => (mutated = true)).observe(list, { childList: true, subtree: true, characterData: true, attributes: true });
  document.addEventListener(
    "keydown",
    (e) => {
      if (e.target?.id !== "walk-filter") return;
      state.pending = { key: e.key, t0: e.timeStamp };
      mutated = false;
    },
    true,
  );
  document.addEventListener(
    "input",
    (e) => {
      if (e.target?.id !== "walk-filter" || !state.pending) return;
      const s = state.pending;
      state.pending = null;
      s.value = e.target.value;
      s.inputAt = performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          s.t1 = performance.now();
          s.ms = s.t1 - s.t0;
          s.changed = mutated;
          s.rows = document.querySelectorAll("[role=list] > [role=listitem]").length;
          s.setsize = Number(document.querySelector("[role=list] > [role=listitem]")?.getAttribute("aria-setsize") ?? 0);
          s.count = document.getElementById("walk-filter-count")?.textContent?.trim() ?? "";
          state.samples.push(s);
        };
        channel.port2.postMessage(null);
      });
    },
    true,
  );
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.interactionId) state.events.push({ name: e.name, id: e.interactionId, start: e.startTime, duration: e.duration });
    }).observe({ type: "event", durationThreshold: 16, buffered: false });
  } catch {
    // No Event Timing: the own measurement stands alone.
  }
}

async function searchAsYouType(browser, opts, base, listId, doors) {
  const words = namesToType(doors);
  if (words.length === 0) throw new Error("no names on the walk list to type");
  const { context, page, errors } = await phonePage(browser, opts);
  try {
    await openWalkList(page, base, listId);
    await settle(page, 500);
    await page.evaluate(keystrokeProbe);
    const input = page.locator("#walk-filter");
    await input.click();
    if ((await input.inputValue()) !== "") throw new Error("the filter is not empty at start");
    const perWord = [];
    let n = 0;
    const press = async (key, kind, word) => {
      await page.keyboard.press(key);
      n++;
      await page.waitForFunction((k) => window.__doorstepKeys.samples.length >= k, n, { timeout: 30000, polling: "raf" });
      const s = await page.evaluate((k) => window.__doorstepKeys.samples[k - 1], n);
      s.kind = kind;
      s.word = word;
      // A typist's pause between keys; also lets any follow-up work finish.
      await page.waitForTimeout(120);
      return s;
    };
    const all = [];
    for (const word of words) {
      const typed = [];
      for (const ch of word) typed.push(await press(ch === " " ? "Space" : ch, "type", word));
      const matches = typed.at(-1).setsize;
      const erased = [];
      for (let i = 0; i < word.length; i++) erased.push(await press("Backspace", "erase", word));
      perWord.push({ word, keystrokes: typed.length, matches_after_word: matches, type_ms: typed.map((s) => r1(s.ms)), erase_ms: erased.map((s) => r1(s.ms)) });
      all.push(...typed, ...erased);
      log(`search: "${word}" → ${matches} rows; per key ${typed.map((s) => s.ms.toFixed(0)).join(" ")} | erase ${erased.map((s) => s.ms.toFixed(0)).join(" ")}`);
    }
    if ((await input.inputValue()) !== "") throw new Error("the filter did not clear");
    const events = await page.evaluate(() => window.__doorstepKeys.events);
    const byInteraction = new Map();
    for (const e of events) byInteraction.set(e.id, Math.max(byInteraction.get(e.id) ?? 0, e.duration));
    if (errors.length) throw new Error(`the page reported errors: ${errors.join("; ")}`);
    const ms = all.map((s) => s.ms);
    return {
      definition: "keydown event timeStamp → end of the first animation frame after the input event",
      words,
      keystrokes: all.length,
      all: roundAll(summary(ms)),
      typing: roundAll(summary(all.filter((s) => s.kind === "type").map((s) => s.ms))),
      erasing: roundAll(summary(all.filter((s) => s.kind === "erase").map((s) => s.ms))),
      over_50ms: ms.filter((v) => v > 50).length,
      slowest: (() => {
        const s = all.reduce((m, x) => (m && m.ms >= x.ms ? m : x), null);
        return s ? { ms: r1(s.ms), key: s.key, value: s.value, rows: s.setsize } : null;
      })(),
      list_rows_unfiltered: all.at(-1)?.setsize ?? null,
      event_timing: {
        note: "Event Timing API, interactions ≥ 16 ms only (8 ms granularity)",
        interactions_over_16ms: byInteraction.size,
        max: byInteraction.size ? Math.max(...byInteraction.values()) : null,
      },
      per_word: perWord,
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- scroll --

async function scrollWholeList(browser, opts, base, listId) {
  const { context, page, errors } = await phonePage(browser, opts);
  try {
    await openWalkList(page, base, listId);
    await settle(page, 500);
    const r = await page.evaluate(async (step) => {
      const viewport = document.querySelector("[role=list]")?.parentElement;
      if (!viewport) throw new Error("no list viewport");
      const long = [];
      let loafObserver = null;
      try {
        loafObserver = new PerformanceObserver((l) => {
          for (const e of l.getEntries()) long.push({ duration: e.duration, blocking: e.blockingDuration ?? 0 });
        });
        loafObserver.observe({ type: "long-animation-frame", buffered: false });
      } catch {
        loafObserver = null;
      }
      const intervals = [];
      const rows = [];
      let maxElements = 0;
      let blank = 0;
      let frames = 0;
      const box = viewport.getBoundingClientRect();
      const cx = box.left + box.width / 2;
      const cy = box.top + box.height / 2;
      const t0 = performance.now();
      const end = await new Promise((resolve) => {
        let last = null;
        let atEnd = 0;
        const frame = (ts) => {
          if (last !== null) intervals.push(ts - last);
          last = ts;
          frames++;
          rows.push(viewport.querySelectorAll(".vrow").length);
          if (frames % 10 === 0) maxElements = Math.max(maxElements, document.getElementsByTagName("*").length);
          const hit = document.elementFromPoint(cx, cy);
          if (!hit || !hit.closest("[role=listitem]")) blank++;
          const bottom = viewport.scrollTop + viewport.clientHeight >= viewport.scrollHeight - 1;
          if (bottom && ++atEnd > 2) {
            resolve(ts);
            return;
          }
          viewport.scrollTop += step;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      await new Promise((r) => setTimeout(r, 100));
      loafObserver?.disconnect();
      const items = [...viewport.querySelectorAll("[role=listitem]")];
      const lastItem = items.reduce((m, e) => (Number(e.getAttribute("aria-posinset")) > Number(m?.getAttribute("aria-posinset") ?? 0) ? e : m), null);
      return {
        intervals,
        rows,
        maxElements,
        blank,
        frames,
        duration: end - t0,
        scrollHeight: viewport.scrollHeight,
        long,
        loafSupported: loafObserver !== null,
        lastPos: Number(lastItem?.getAttribute("aria-posinset") ?? 0),
        setSize: Number(lastItem?.getAttribute("aria-setsize") ?? 0),
        doorsInList: document.querySelectorAll("a.door").length,
      };
    }, opts.scrollStep);
    if (r.lastPos !== r.setSize || r.setSize === 0) throw new Error(`the scroll did not reach the end of the list (row ${r.lastPos} of ${r.setSize})`);
    if (errors.length) throw new Error(`the page reported errors: ${errors.join("; ")}`);
    const iv = summary(r.intervals);
    const out = {
      definition: `scrollTop += ${opts.scrollStep} px every animation frame from top to bottom; frame interval = rAF timestamp deltas`,
      step_px: opts.scrollStep,
      list_rows: r.setSize,
      scroll_height_px: Math.round(r.scrollHeight),
      frames: r.frames,
      duration_ms: r1(r.duration),
      fps: r1((r.intervals.length / r.duration) * 1000),
      frame_interval: roundAll(iv),
      frames_over_50ms: r.intervals.filter((v) => v > 50).length,
      frames_over_33ms: r.intervals.filter((v) => v > 33.4).length,
      long_animation_frames: r.loafSupported ? r.long.filter((e) => e.duration > 50).length : null,
      long_animation_frame_max_ms: r.loafSupported && r.long.length ? r1(Math.max(...r.long.map((e) => e.duration))) : null,
      dom_rows: roundAll({ max: Math.max(...r.rows), mean: r.rows.reduce((a, b) => a + b, 0) / r.rows.length, min: Math.min(...r.rows) }),
      dom_elements_max: r.maxElements,
      blank_frames: r.blank,
    };
    log(`scroll: ${out.frames} frames over ${out.scroll_height_px} px, p95 frame ${out.frame_interval.p95} ms, ${out.frames_over_50ms} frames > 50 ms, ≤ ${out.dom_rows.max} rows in the DOM`);
    return out;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- memory --

async function heapSample(page, cdp, doors) {
  // Twice: the first pass can leave garbage that only a second one frees.
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const used = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
  return {
    doors,
    js_heap_used_mb: r3(m.JSHeapUsedSize / MB),
    js_heap_total_mb: r3(m.JSHeapTotalSize / MB),
    performance_memory_mb: used == null ? null : r3(used / MB),
    dom_nodes: m.Nodes,
    listeners: m.JSEventListeners,
    documents: m.Documents,
  };
}

/** Brings a door not yet done into the DOM, scrolling the list down like a canvasser; returns its locator. */
async function nextOpenDoor(page) {
  for (let i = 0; i < 2000; i++) {
    const row = page.locator('[role=list] a.door[data-done="false"]').first();
    if ((await row.count()) > 0) return row;
    const moved = await page.evaluate(() => {
      const v = document.querySelector("[role=list]")?.parentElement;
      if (!v) return false;
      const before = v.scrollTop;
      v.scrollTop += v.clientHeight;
      return v.scrollTop !== before;
    });
    if (!moved) throw new Error("no door left to knock on the walk list");
    await page.waitForTimeout(16);
  }
  throw new Error("could not find a door not yet done");
}

async function shift(browser, opts, base, listId) {
  const { context, page, cdp, errors } = await phonePage(browser, opts);
  const statusBefore = await rpc(base, { cmd: "status" });
  const doneBefore = (await rpc(base, { cmd: "lists" })).find((l) => l.id === listId)?.doors_done ?? null;
  try {
    await cdp.send("Performance.enable");
    await openWalkList(page, base, listId);
    await settle(page, 500);
    const samples = [await heapSample(page, cdp, 0)];
    log(`memory: start ${samples[0].js_heap_used_mb} MB, ${samples[0].dom_nodes} nodes`);
    const timing = { open: [], save: [], back: [], door: [] };
    const t0 = Date.now();
    for (let i = 1; i <= opts.shiftDoors; i++) {
      const d0 = performance.now();
      const row = await nextOpenDoor(page);
      const household = await row.getAttribute("data-household");
      await row.click();
      const notHome = page.locator("[data-result=not_home]:enabled");
      await notHome.waitFor({ state: "visible", timeout: 60000 });
      const d1 = performance.now();
      await notHome.click();
      await page.locator("[data-testid=attempt-saved]").waitFor({ state: "visible", timeout: 60000 });
      const d2 = performance.now();
      if (!new URL(page.url()).hash.startsWith(`#/door/${household}`)) throw new Error(`door ${i}: expected the door ${household}, at ${page.url()}`);
      await page.locator("a.back").click();
      await waitForWalkList(page);
      const d3 = performance.now();
      timing.open.push(d1 - d0);
      timing.save.push(d2 - d1);
      timing.back.push(d3 - d2);
      timing.door.push(d3 - d0);
      if (i % opts.sampleEvery === 0 || i === opts.shiftDoors) {
        const s = await heapSample(page, cdp, i);
        samples.push(s);
        log(`memory: ${i}/${opts.shiftDoors} doors, ${s.js_heap_used_mb} MB, ${s.dom_nodes} nodes, ${s.listeners} listeners (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
      }
    }
    if (errors.length) throw new Error(`the page reported errors: ${errors.join("; ")}`);
    const statusAfter = await rpc(base, { cmd: "status" });
    const doneAfter = (await rpc(base, { cmd: "lists" })).find((l) => l.id === listId)?.doors_done ?? null;
    const xs = samples.map((s) => s.doors);
    const heap = samples.map((s) => s.js_heap_used_mb);
    const line = fit(xs, heap);
    // The first door loads what every later door reuses (the door screen's
    // code paths, fonts, message bundles): a step, not growth. The steady
    // slope leaves out the sample taken before the first door.
    const steadyFrom = samples.length > 2 ? 1 : 0;
    const steady = fit(xs.slice(steadyFrom), heap.slice(steadyFrom));
    const nodes = fit(xs, samples.map((s) => s.dom_nodes));
    const start = samples[0];
    const endS = samples.at(-1);
    return {
      definition: `${opts.shiftDoors} doors: open the next door not done, tap Not home, wait for saved, back to the list; GC then CDP Performance.getMetrics every ${opts.sampleEvery} doors`,
      doors: opts.shiftDoors,
      seconds: r1((Date.now() - t0) / 1000),
      attempts_recorded: statusAfter.attempts - statusBefore.attempts,
      list_doors_done: { before: doneBefore, after: doneAfter },
      js_heap_used_mb: {
        start: start.js_heap_used_mb,
        end: endS.js_heap_used_mb,
        max: Math.max(...heap),
        min: Math.min(...heap),
        slope_mb_per_100_doors: r3(line.slope * 100),
        fitted_growth_over_shift_mb: r3(line.slope * opts.shiftDoors),
        steady_from_doors: xs[steadyFrom],
        steady_slope_mb_per_100_doors: r3(steady.slope * 100),
        steady_fitted_growth_over_shift_mb: r3(steady.slope * opts.shiftDoors),
      },
      dom_nodes: { start: start.dom_nodes, after_first_sample: samples[steadyFrom].dom_nodes, end: endS.dom_nodes, max: Math.max(...samples.map((s) => s.dom_nodes)), slope_per_100_doors: r1(nodes.slope * 100) },
      listeners: { start: start.listeners, end: endS.listeners, max: Math.max(...samples.map((s) => s.listeners)) },
      per_door_ms: {
        total: roundAll(summary(timing.door)),
        open_door: roundAll(summary(timing.open)),
        save_not_home: roundAll(summary(timing.save)),
        back_to_list: roundAll(summary(timing.back)),
      },
      samples,
    };
  } finally {
    await context.close();
  }
}

// ----------------------------------------------------------------- report --

function table(result) {
  const lines = [];
  const f = (x, unit = "") => (x == null ? "—" : `${typeof x === "number" ? (Number.isInteger(x) ? x : Math.abs(x) < 10 ? x.toFixed(2) : x.toFixed(1)) : x}${unit}`);
  const row = (what, value, target, ok) => lines.push(`${what.padEnd(44)} ${value.padEnd(34)} ${target.padEnd(12)} ${ok == null ? "" : ok ? "yes" : "NO"}`);
  lines.push(`Doorstep UI benchmark — ${result.env.viewport}, ${result.data.doors} doors / ${result.data.people} people on list "${result.data.list_name}"`);
  lines.push(`chromium ${result.env.browser}, CPU throttle ×${result.env.cpu_throttle}, DPR ${result.env.dpr}`);
  lines.push("");
  lines.push(`${"measure".padEnd(44)} ${"result".padEnd(34)} ${"target".padEnd(12)} met`);
  lines.push(`${"-------".padEnd(44)} ${"------".padEnd(34)} ${"------".padEnd(12)} ---`);
  const t = result.targets;
  if (result.cold_start) {
    const c = result.cold_start;
    row(`cold start → interactive walk list (${c.runs} loads)`, `p50 ${f(c.interactive.p50, " ms")}, p95 ${f(c.interactive.p95, " ms")}`, "≤ 1000 ms", t.cold_start_interactive_1s);
    row("  rows first in DOM", `p50 ${f(c.rows_seen.p50, " ms")}`, "", null);
    row("  first contentful paint", `p50 ${f(c.first_contentful_paint.p50, " ms")}`, "", null);
    row("  doors rpc (start → end)", `p50 ${f(c.doors_rpc_start.p50)}→${f(c.doors_rpc_end.p50, " ms")} (${f(c.doors_rpc_bytes && c.doors_rpc_bytes / MB)} MB)`, "", null);
    row("  warm-up load (not counted)", f(c.warmup_interactive, " ms"), "", null);
  }
  if (result.search) {
    const s = result.search;
    row(`search as you type (${s.keystrokes} keys)`, `p50 ${f(s.all.p50)}, p95 ${f(s.all.p95)}, max ${f(s.all.max, " ms")}`, "≤ 50 ms", t.search_keystroke_50ms);
    row("  typing letters", `p50 ${f(s.typing.p50)}, p95 ${f(s.typing.p95)}, max ${f(s.typing.max, " ms")}`, "", null);
    row("  erasing (last one restores all rows)", `p50 ${f(s.erasing.p50)}, p95 ${f(s.erasing.p95)}, max ${f(s.erasing.max, " ms")}`, "", null);
    row("  keystrokes over 50 ms", f(s.over_50ms), "", null);
    row("  words typed", s.words.join(", "), "", null);
  }
  if (result.scroll) {
    const s = result.scroll;
    row(`scroll whole list (${s.list_rows} rows, ${s.frames} frames)`, `p95 frame ${f(s.frame_interval.p95, " ms")}, ${f(s.fps)} fps`, "smooth", t.scroll_smooth);
    row("  frames > 50 ms / > 33 ms", `${s.frames_over_50ms} / ${s.frames_over_33ms}`, "0", null);
    row("  long animation frames (LoAF > 50 ms)", f(s.long_animation_frames), "", null);
    row("  rows in DOM at once (max / mean)", `${s.dom_rows.max} / ${f(s.dom_rows.mean)}`, "small", t.scroll_virtualized);
    row("  elements in DOM (max)", f(s.dom_elements_max), "", null);
    row("  blank frames", f(s.blank_frames), "0", null);
  }
  if (result.memory) {
    const m = result.memory;
    const h = m.js_heap_used_mb;
    row(`memory over a shift (${m.doors} doors, ${f(m.seconds)} s)`, `${f(h.start)} → ${f(h.end)} MB, max ${f(h.max)}`, "flat", t.memory_flat);
    row("  heap slope (all samples)", `${f(h.slope_mb_per_100_doors, "")} MB / 100 doors`, "", null);
    row(`  heap slope from door ${h.steady_from_doors}`, `${f(h.steady_slope_mb_per_100_doors, "")} MB / 100 doors`, "", null);
    row("  DOM nodes start → end (max)", `${m.dom_nodes.start} → ${m.dom_nodes.end} (${m.dom_nodes.max})`, "", null);
    row("  listeners start → end", `${m.listeners.start} → ${m.listeners.end}`, "", null);
    row("  per door: open / save / back (p50)", `${f(m.per_door_ms.open_door.p50)} / ${f(m.per_door_ms.save_not_home.p50)} / ${f(m.per_door_ms.back_to_list.p50, " ms")}`, "", null);
    row("  attempts recorded", f(m.attempts_recorded), "", null);
  }
  return lines.join("\n");
}

// ------------------------------------------------------------------- main --

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const base = opts.url;
  const status = await rpc(base, { cmd: "status" }).catch((err) => die(err.message));
  if (!status.paired) die(`the device behind ${base} is not paired`);
  const lists = await rpc(base, { cmd: "lists" });
  const walks = lists.filter((l) => l.kind === "walk" && l.doors > 0).sort((a, b) => b.doors - a.doors);
  const walk = opts.list ? walks.find((l) => l.id === opts.list || l.name === opts.list) : walks[0];
  if (!walk) die(opts.list ? `no walk list ${opts.list} on the device` : "no walk list with doors on the device");
  const doors = await rpc(base, { cmd: "doors", list_id: walk.id });
  if (walk.doors < 5000) log(`note: the list has ${walk.doors} doors; the targets are stated for 5,000`);

  const browser = await launch(opts);
  const result = {
    benchmark: "doorstep-ui",
    when: new Date().toISOString(),
    url: base,
    env: { viewport: `${PHONE.width}x${PHONE.height}`, dpr: opts.dpr, cpu_throttle: opts.cpuThrottle, browser: browser.version(), node: process.version },
    data: { list_id: walk.id, list_name: walk.name, doors: walk.doors, people: walk.people, doors_done_at_start: walk.doors_done, doors_rpc_rows: doors.length },
  };
  try {
    if (opts.phases.includes("cold")) {
      log("cold start…");
      result.cold_start = await coldStart(browser, opts, base, walk.id);
    }
    if (opts.phases.includes("search")) {
      log("search as you type…");
      result.search = await searchAsYouType(browser, opts, base, walk.id, doors);
    }
    if (opts.phases.includes("scroll")) {
      log("scroll…");
      result.scroll = await scrollWholeList(browser, opts, base, walk.id);
    }
    if (opts.phases.includes("memory") && opts.shiftDoors > 0) {
      log(`memory over a ${opts.shiftDoors}-door shift…`);
      result.memory = await shift(browser, opts, base, walk.id);
    }
  } finally {
    await browser.close();
  }

  const c = result.cold_start;
  const s = result.search;
  const sc = result.scroll;
  const m = result.memory;
  result.criteria = {
    cold_start_interactive_1s: "cold start p95 ≤ 1000 ms",
    search_keystroke_50ms: "keystroke → updated frame p95 ≤ 50 ms",
    search_every_keystroke_50ms: "every keystroke (max) ≤ 50 ms",
    scroll_smooth: "p95 frame interval ≤ 20 ms and no frame > 50 ms while scrolling the whole list",
    scroll_virtualized: "at most 100 rows in the DOM at any frame",
    memory_flat:
      "JS heap growth over the shift fitted from the first sampled door on (the step the first door takes is left out) ≤ 10% of the starting heap or ≤ 1 MB, and DOM nodes at the end ≤ those after the first sampled door + 10%",
    list_size_5000: "the walk list has at least 5,000 doors",
  };
  result.targets = {
    cold_start_interactive_1s: c ? c.interactive.p95 <= 1000 : null,
    search_keystroke_50ms: s ? s.all.p95 <= 50 : null,
    search_every_keystroke_50ms: s ? s.all.max <= 50 : null,
    scroll_smooth: sc ? sc.frame_interval.p95 <= 20 && sc.frames_over_50ms === 0 : null,
    scroll_virtualized: sc ? sc.dom_rows.max <= 100 : null,
    memory_flat: m
      ? m.js_heap_used_mb.steady_fitted_growth_over_shift_mb <= Math.max(1, 0.1 * m.js_heap_used_mb.start) && m.dom_nodes.end <= m.dom_nodes.after_first_sample * 1.1
      : null,
    list_size_5000: walk.doors >= 5000,
  };

  const json = JSON.stringify(result, null, 2);
  if (opts.out) writeFileSync(opts.out, `${json}\n`);
  process.stdout.write(opts.json ? `${json}\n` : `${table(result)}\n`);
}

main().catch((err) => {
  process.stderr.write(`ui-bench: could not run: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
