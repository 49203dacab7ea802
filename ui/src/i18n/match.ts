// Language matching shared by the UI locale, script bodies and survey labels,
// so a voter recorded as "zh-TW" gets the same text everywhere.
import { negotiateLanguages } from "@fluent/langneg";

// Tags that voter files and browsers use but translators do not: the same
// aliases the core applies (crates/doorstep-core/src/lang.rs), so a tag that
// came from either side resolves the same way.
const ALIASES: Record<string, string> = {
  "zh-tw": "zh-Hant",
  "zh-hk": "zh-Hant",
  "zh-mo": "zh-Hant",
  "zh-hant-tw": "zh-Hant",
  "zh-hant-hk": "zh-Hant",
  yue: "zh-Hant",
  "yue-hant": "zh-Hant",
  "zh-cn": "zh-Hans",
  "zh-sg": "zh-Hans",
  "zh-hans-cn": "zh-Hans",
  cmn: "zh-Hans",
  fil: "tl",
  prs: "fa",
  hmn: "hmn-Latn",
  iw: "he",
  in: "id",
};

/**
 * A tag with the field's aliases applied; "" stays "". A language alias
 * keeps the tag's region, since phones say "fil-PH" or "iw-IL".
 */
export function canonicalTag(tag: string): string {
  const t = tag.trim().replace(/_/g, "-");
  if (!t) return "";
  const whole = ALIASES[t.toLowerCase()];
  if (whole) return whole;
  const dash = t.indexOf("-");
  const lang = dash > 0 ? ALIASES[t.slice(0, dash).toLowerCase()] : undefined;
  return lang ? lang + t.slice(dash) : t;
}

function primary(tag: string): string {
  return tag.split("-")[0].toLowerCase();
}

/**
 * The best of `available` for the first of `wanted` that has any match.
 * Each wanted tag is tried on its own, strictly (script-aware, so zh-TW never
 * picks zh-Hans while zh-Hant exists) and then by language alone (a Chinese
 * reader handed the other script still beats English), before the next one.
 * Returns the key as spelled in `available`.
 */
export function bestMatch(wanted: readonly (string | null | undefined)[], available: readonly string[]): string | undefined {
  const byCanon = new Map<string, string>();
  for (const a of available) byCanon.set(canonicalTag(a), a);
  const canon = [...byCanon.keys()];
  for (const raw of wanted) {
    const w = canonicalTag(raw ?? "");
    if (!w) continue;
    const strict = negotiateLanguages([w], canon, { strategy: "filtering" });
    if (strict.length > 0) return byCanon.get(strict[0]);
    const loose = canon.find((a) => primary(a) === primary(w));
    if (loose) return byCanon.get(loose);
  }
  return undefined;
}

/**
 * Picks a text from a per-language map: `wanted` in order, then English, then
 * whatever exists, so an organizer's text is never hidden for want of a tag.
 */
export function pickText(texts: Record<string, string> | undefined, wanted: readonly (string | null | undefined)[]): { tag: string; text: string } | undefined {
  if (!texts) return undefined;
  const keys = Object.keys(texts).filter((k) => texts[k].trim() !== "");
  if (keys.length === 0) return undefined;
  const tag = bestMatch([...wanted, "en"], keys) ?? keys[0];
  return { tag, text: texts[tag] };
}

const RTL = new Set(["ar", "fa", "he", "ur", "ps", "ckb", "dv", "yi", "sd", "ug"]);

/** Writing direction of a language tag. */
export function directionOf(tag: string): "rtl" | "ltr" {
  const t = canonicalTag(tag);
  if (/-arab\b/i.test(t)) return "rtl";
  if (/-(latn|cyrl)\b/i.test(t)) return "ltr";
  return RTL.has(primary(t)) ? "rtl" : "ltr";
}
