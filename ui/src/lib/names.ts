// A person's name in the order their own name culture says it, whatever the
// UI's language: "Nguyễn Văn An" stays family-first in an English UI, and
// "Maria Lopez" stays given-first in a Vietnamese or Persian one. Every place
// that shows or says a name (PersonName, announcements, script variables)
// goes through `displayName`, so they can never disagree.
import { nameLang } from "../i18n/endonyms";
import { canonicalTag } from "../i18n/match";

export interface NameFields {
  given_name: string;
  middle_name?: string;
  family_name: string;
  native_name?: string;
  preferred_language?: string | null;
}

// CLDR person names (common/main/*.xml, <personNames>): the languages whose
// own data lists them under <nameOrderLocales order="surnameFirst">. en.xml
// names "ja ko vi yue zh" for foreign names; hu.xml, km.xml and mn.xml list
// their own language there too. Every other language is givenFirst ("und").
const SURNAME_FIRST = new Set(["hu", "ja", "km", "ko", "mn", "vi", "yue", "zh"]);

function language(tag: string): string {
  try {
    return new Intl.Locale(tag).language;
  } catch {
    return tag.split("-")[0].toLowerCase();
  }
}

/**
 * The locale a name belongs to (CLDR's "name locale"): the script of the
 * name as written in its own script when that says it (Han, Hangul, kana,
 * Khmer…; refined by the person's language when both agree), else the
 * person's language. Undefined when nothing says, which CLDR reads as "und".
 */
export function nameCulture(p: NameFields): string | undefined {
  const preferred = canonicalTag(p.preferred_language ?? "");
  const native = p.native_name?.trim() ?? "";
  const culture = native ? nameLang(native, preferred) : undefined;
  return culture || preferred || undefined;
}

/** Whether this person's name culture puts the family name first. */
export function familyFirst(p: NameFields): boolean {
  const culture = nameCulture(p);
  return culture !== undefined && SURNAME_FIRST.has(language(culture));
}

/**
 * The name as the voter file spells it, in the order of its own culture:
 * given, middle, family; or family, middle, given ("Nguyễn Văn An", CLDR's
 * `{surname} {given2} {given}`). Empty parts are left out.
 */
export function displayName(p: NameFields): string {
  const parts = familyFirst(p) ? [p.family_name, p.middle_name, p.given_name] : [p.given_name, p.middle_name, p.family_name];
  return parts
    .map((s) => (s ?? "").trim())
    .filter((s) => s !== "")
    .join(" ");
}

/**
 * Text isolated for bidi inside a plain string (FSI … PDI), as Fluent's
 * `useIsolating` does for its variables: a Latin name in a Persian sentence,
 * or an Arabic one in an English sentence, cannot reorder what is around it.
 * In markup use <bdi> (see PersonName.svelte) rather than these marks.
 */
export function isolate(text: string): string {
  return text === "" ? text : `\u2068${text}\u2069`;
}
