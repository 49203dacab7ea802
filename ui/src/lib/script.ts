// Script bodies are organizer-written plain text (not Fluent): paragraphs
// separated by blank lines, with a few {variables} filled in at the door.
import { pickText } from "../i18n/match";
import { displayName, isolate, type NameFields } from "./names";

export interface ScriptVars {
  given_name?: string;
  family_name?: string;
  full_name?: string;
  canvasser_name?: string;
  org_name?: string;
}

/**
 * Fills `{given_name}`, `{family_name}`, `{full_name}`, `{canvasser_name}`,
 * `{org_name}`; unknown or empty ones stay visible. Each value is isolated
 * for bidi, as Fluent isolates its variables: a Latin name in a Persian
 * script, or a Persian one in an English script, keeps the sentence intact.
 */
export function fillVariables(body: string, vars: ScriptVars): string {
  return body.replace(/\{\s*([a-z_]+)\s*\}/g, (whole, name: string) => {
    const v = (vars as Record<string, string | undefined>)[name];
    return v && v.trim() !== "" ? isolate(v) : whole;
  });
}

export function paragraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

export interface ScriptBlock {
  voter: string;
  /** The canvasser's own-language paragraph beneath it, when side by side and different. */
  own: string | null;
}

export interface ScriptLayout {
  voterTag: string;
  ownTag: string | null;
  blocks: ScriptBlock[];
}

/**
 * The script in the voter's language (their preferred language, else the
 * canvasser's UI language, else English), paired paragraph by paragraph with
 * the canvasser's language when asked and when it differs.
 */
export function layoutScript(texts: Record<string, string>, voterLanguage: string | null, uiLanguage: string, sideBySide: boolean, vars: ScriptVars, forcedTag?: string | null): ScriptLayout | null {
  const voter = forcedTag && texts[forcedTag] ? { tag: forcedTag, text: texts[forcedTag] } : pickText(texts, [voterLanguage, uiLanguage]);
  if (!voter) return null;
  const own = sideBySide ? pickText(texts, [uiLanguage]) : undefined;
  const showOwn = own !== undefined && own.tag !== voter.tag;
  const v = paragraphs(fillVariables(voter.text, vars));
  const o = showOwn ? paragraphs(fillVariables(own.text, vars)) : [];
  const n = Math.max(v.length, o.length);
  const blocks: ScriptBlock[] = [];
  for (let i = 0; i < n; i++) blocks.push({ voter: v[i] ?? "", own: showOwn ? (o[i] ?? "") : null });
  return { voterTag: voter.tag, ownTag: showOwn ? own.tag : null, blocks };
}

/** A survey prompt or option label in the voter's language, else the canvasser's, else English. */
export function label(translations: Record<string, string>, voterLanguage: string | null, uiLanguage: string): { tag: string; text: string } | undefined {
  return pickText(translations, [voterLanguage, uiLanguage]);
}

/**
 * The variables a script can use, for one person heard in `tag`. A name in
 * the person's own script is used when the script is in their language;
 * otherwise the voter-file spelling, in the order of the person's own name
 * culture (as everywhere a name is shown), not of the script's language.
 */
export function scriptVars(
  person: (NameFields & { native_name: string; preferred_language: string }) | null,
  tag: string,
  canvasserName: string | null | undefined,
  orgName?: string | null,
): ScriptVars {
  const vars: ScriptVars = { canvasser_name: canvasserName ?? undefined, org_name: orgName ?? undefined };
  if (!person) return vars;
  const lang = tag.split("-")[0].toLowerCase();
  const samePersonLanguage = person.preferred_language !== "" && person.preferred_language.split("-")[0].toLowerCase() === lang;
  vars.given_name = person.given_name;
  vars.family_name = person.family_name;
  vars.full_name = samePersonLanguage && person.native_name ? person.native_name : displayName(person);
  return vars;
}
