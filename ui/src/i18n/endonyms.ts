// Each language's name in its own script, for the "I speak…" card and every
// language picker. These are never translated: a resident must recognise
// their own language whatever the canvasser's phone is set to.
import { LANGUAGES, bestMatch, canonicalTag, directionOf, languageOf } from "./match";

export interface Endonym {
  tag: string;
  name: string;
}

/**
 * Ordered as the card shows them (schema/languages.json, `card`): English,
 * then the languages most spoken by voters with limited English in the
 * places Doorstep is used first (California ACS counts), then the other
 * languages seen in voter files.
 */
export const ENDONYMS: readonly Endonym[] = LANGUAGES.filter((l) => l.card).map((l) => ({ tag: l.tag, name: l.endonym }));

const TAGS = ENDONYMS.map((e) => e.tag);

/**
 * A language's own name: the table first, then the platform's CLDR data
 * (Intl.DisplayNames in the language itself), then the tag as written.
 */
export function endonym(tag: string): string {
  if (!tag) return "";
  const canon = canonicalTag(tag);
  const known = languageOf(canon);
  if (known) return known.endonym;
  try {
    const own = new Intl.DisplayNames([canon], { type: "language" }).of(canon);
    if (own && own.toLowerCase() !== canon.toLowerCase()) return own;
  } catch {
    // An invalid tag; fall through to the nearest known language.
  }
  const near = bestMatch([canon], TAGS);
  if (near) return ENDONYMS.find((e) => e.tag === near)!.name;
  return tag;
}

/** Attributes for an element showing text in `tag`, so glyphs and direction follow it. */
export function langAttrs(tag: string | null | undefined): { lang?: string; dir?: "rtl" | "ltr" } {
  if (!tag) return {};
  const canon = canonicalTag(tag);
  return { lang: canon, dir: directionOf(canon) };
}

// Which languages write in which script, to tag a native-script name whose
// person's language says otherwise (an English speaker whose name the file
// also has in Hangul should still get Korean glyphs for it).
const SCRIPTS: { re: RegExp; langs: string[]; fallback: string | undefined }[] = [
  { re: /[\p{Script=Hangul}]/u, langs: ["ko"], fallback: "ko" },
  { re: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, langs: ["ja"], fallback: "ja" },
  { re: /[\p{Script=Han}]/u, langs: ["zh", "ja", "ko", "yue"], fallback: "zh" },
  { re: /[\p{Script=Arabic}]/u, langs: ["ar", "fa", "ur", "ps", "prs"], fallback: "ar" },
  { re: /[\p{Script=Armenian}]/u, langs: ["hy"], fallback: "hy" },
  { re: /[\p{Script=Khmer}]/u, langs: ["km"], fallback: "km" },
  { re: /[\p{Script=Thai}]/u, langs: ["th"], fallback: "th" },
  { re: /[\p{Script=Lao}]/u, langs: ["lo"], fallback: "lo" },
  { re: /[\p{Script=Myanmar}]/u, langs: ["my"], fallback: "my" },
  { re: /[\p{Script=Gurmukhi}]/u, langs: ["pa"], fallback: "pa" },
  { re: /[\p{Script=Devanagari}]/u, langs: ["hi", "mr", "ne"], fallback: "hi" },
  { re: /[\p{Script=Bengali}]/u, langs: ["bn"], fallback: "bn" },
  { re: /[\p{Script=Tamil}]/u, langs: ["ta"], fallback: "ta" },
  { re: /[\p{Script=Telugu}]/u, langs: ["te"], fallback: "te" },
  { re: /[\p{Script=Gujarati}]/u, langs: ["gu"], fallback: "gu" },
  { re: /[\p{Script=Cyrillic}]/u, langs: ["ru", "uk", "mn", "bg", "sr"], fallback: "ru" },
  // A romanized name says nothing about which Latin-script language it is.
  { re: /[\p{Script=Latin}]/u, langs: ["en", "es", "vi", "tl", "fr", "pt", "so", "id", "hmn", "de", "it", "pl", "tr"], fallback: undefined },
];

/** The lang tag for a name written in its own script. */
export function nameLang(text: string, preferred: string | null | undefined): string | undefined {
  const pref = canonicalTag(preferred ?? "");
  const primaryPref = pref.split("-")[0].toLowerCase();
  for (const s of SCRIPTS) {
    if (s.re.test(text)) return s.langs.includes(primaryPref) ? pref : s.fallback;
  }
  return pref || undefined;
}
