// Language matching shared by the UI locale, script bodies and survey labels,
// so a voter recorded as "zh-TW" gets the same text everywhere.
import { negotiateLanguages } from "@fluent/langneg";
import { fold } from "../lib/fold";
import table from "../../../schema/languages.json";

/** One language Doorstep knows: an entry of schema/languages.json. */
export interface Language {
  tag: string;
  endonym: string;
  names: string[];
  aliases: string[];
  ui: boolean;
  card: boolean;
  dir?: "rtl" | "ltr";
}

// The core reads the same file (crates/doorstep-core/src/lang.rs), so a tag
// from a voter file and one from a phone resolve the same way; both run
// schema/fixtures/languages.json.
export const LANGUAGES = table.languages as readonly Language[];

const BY_ALIAS = new Map<string, Language>();
const BY_NAME = new Map<string, Language>();
for (const l of LANGUAGES) {
  for (const a of [...l.aliases, l.tag]) BY_ALIAS.set(a.toLowerCase(), l);
  for (const n of [...l.names, l.endonym]) BY_NAME.set(fold(n), l);
}
const UNKNOWN = new Set(table.unknown.map(fold));

interface Parts {
  language: string;
  script?: string;
  region?: string;
  variants: string[];
}

// Case as BCP-47 writes it, the way the core's unic-langid prints a tag.
// Intl.Locale would do this too, but it also applies CLDR's own aliases
// (tl → fil, prs → fa-AF), which would part the UI from the core.
function parts(tag: string): Parts {
  const [language, ...rest] = tag.toLowerCase().split("-");
  const p: Parts = { language, variants: [] };
  let i = 0;
  if (/^[a-z]{4}$/.test(rest[i] ?? "")) p.script = rest[i][0].toUpperCase() + rest[i++].slice(1);
  if (/^([a-z]{2}|\d{3})$/.test(rest[i] ?? "")) p.region = rest[i++].toUpperCase();
  p.variants = rest.slice(i);
  return p;
}

function joinParts(p: Parts): string {
  return [p.language, p.script, p.region, ...p.variants].filter(Boolean).join("-");
}

/**
 * A tag with the table's aliases applied: a whole tag (zh-TW → zh-Hant), or
 * its language subtag, keeping the script and region people wrote (phones
 * say "fil-PH" or "iw-IL"). "" stays "".
 */
export function canonicalTag(tag: string): string {
  const t = tag.trim().replace(/_/g, "-");
  if (!t) return "";
  const whole = BY_ALIAS.get(t.toLowerCase());
  if (whole) return whole.tag;
  const p = parts(t);
  const alias = BY_ALIAS.get(p.language);
  if (!alias) return joinParts(p);
  const target = parts(alias.tag);
  return joinParts({ language: target.language, script: p.script ?? target.script, region: p.region ?? target.region, variants: p.variants });
}

/** The table's entry for a tag, once its aliases are applied. */
export function languageOf(tag: string): Language | undefined {
  return BY_ALIAS.get(canonicalTag(tag).toLowerCase());
}

// The tags the core's parser takes: language, script, region, variants; no
// extensions or private use (a one-letter subtag starts those).
function isTag(t: string): boolean {
  try {
    Intl.getCanonicalLocales(t);
  } catch {
    return false;
  }
  return !t.split("-").some((s) => s.length === 1);
}

/**
 * What a person typed or a file said ("VIETNAMESE", "spa", "Tiếng Việt",
 * "zh-TW") as the tag Doorstep stores, as the core's `lang::normalize` does;
 * null when it means "not recorded". Throws, quoting it, when it is no
 * language Doorstep knows.
 */
export function normalizeLanguage(value: string): string | null {
  const folded = fold(value);
  if (UNKNOWN.has(folded)) return null;
  const named = BY_NAME.get(folded);
  if (named) return named.tag;
  const t = value.trim().replace(/_/g, "-");
  if (((t.length >= 2 && t.length <= 3) || t.includes("-")) && isTag(t)) return canonicalTag(t);
  throw new Error(`${JSON.stringify(value)} is not a language Doorstep knows (use a name such as "Vietnamese" or a BCP-47 tag such as "vi")`);
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

/** Writing direction of a language tag: its script's, else its language's. */
export function directionOf(tag: string): "rtl" | "ltr" {
  const t = canonicalTag(tag);
  if (/-arab\b/i.test(t)) return "rtl";
  if (/-(latn|cyrl)\b/i.test(t)) return "ltr";
  const lang = languageOf(t) ?? BY_ALIAS.get(primary(t));
  return lang?.dir === "rtl" ? "rtl" : "ltr";
}
