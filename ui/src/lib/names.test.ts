// Names from several cultures, shown in several UI languages: the order
// follows the name's own culture in every one of them, and wherever a name
// enters a sentence (a Fluent message of the shipped locales, a script) it
// arrives isolated for bidi.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createBundle, formatMessage } from "../i18n/fluent";
import { displayName, familyFirst, isolate, nameCulture, type NameFields } from "./names";
import { fillVariables, scriptVars } from "./script";

const UI_LANGUAGES = ["en", "vi", "fa", "es"];

function person(given: string, middle: string, family: string, native: string, preferred: string): Required<NameFields> & { native_name: string; preferred_language: string } {
  return { given_name: given, middle_name: middle, family_name: family, native_name: native, preferred_language: preferred };
}

// [what, the person as the store has them, the name as shown]
const CASES: [string, ReturnType<typeof person>, string][] = [
  ["Vietnamese, Latin letters, language vi", person("An", "Văn", "Nguyễn", "", "vi"), "Nguyễn Văn An"],
  ["Vietnamese, file spelling and native spelling", person("An", "Van", "Nguyen", "Nguyễn Văn An", "vi"), "Nguyen Van An"],
  ["Vietnamese native spelling, no language recorded", person("An", "Van", "Nguyen", "Nguyễn Văn An", ""), "An Van Nguyen"],
  ["Chinese, Han native name", person("Xiaolong", "", "Li", "李小龍", "zh-Hant"), "Li Xiaolong"],
  ["Chinese name of an English speaker (the script says)", person("Wei", "", "Chen", "陈伟", "en"), "Chen Wei"],
  ["Chinese by language alone (zh-TW)", person("Mei", "", "Wang", "", "zh-TW"), "Wang Mei"],
  ["Korean, Hangul native name, no language", person("Min-jun", "", "Kim", "김민준", ""), "Kim Min-jun"],
  ["Japanese, kana native name", person("Yuki", "", "Sato", "さとう ゆき", ""), "Sato Yuki"],
  ["Khmer, Khmer native name", person("Sokha", "", "Chan", "ចាន់ សុខា", "km"), "Chan Sokha"],
  ["Hungarian by language", person("Anna", "", "Nagy", "", "hu"), "Nagy Anna"],
  ["Mongolian, Cyrillic native name", person("Bat", "", "Dorj", "Дорж Бат", "mn"), "Dorj Bat"],
  ["Spanish, two surnames", person("María José", "", "García Márquez", "", "es"), "María José García Márquez"],
  ["English with a middle name", person("John", "Q", "Public", "", "en"), "John Q Public"],
  ["No language, Latin name", person("Dana", "", "Smith", "", ""), "Dana Smith"],
  ["Persian, Arabic-script native name", person("Maryam", "", "Hosseini", "مریم حسینی", "fa"), "Maryam Hosseini"],
  ["Arabic, Arabic-script native name", person("Omar", "", "Haddad", "عمر حداد", "ar"), "Omar Haddad"],
  ["Arabic name with no Latin spelling", person("", "", "", "عمر حداد", "ar"), ""],
];

const root = fileURLToPath(new URL("../../../", import.meta.url));
const bundles = new Map(UI_LANGUAGES.map((tag) => [tag, createBundle(tag, readFileSync(`${root}locales/${tag}/main.ftl`, "utf8")).bundle]));

describe("names in their own culture's order", () => {
  it.each(CASES)("%s", (_what, p, shown) => {
    expect(displayName(p)).toBe(shown);
  });

  describe.each(UI_LANGUAGES)("in the %s UI", (ui) => {
    const bundle = bundles.get(ui)!;
    it.each(CASES.filter(([, , shown]) => shown !== ""))("%s", (_what, p, shown) => {
      // A sentence of the shipped locale carries the name isolated, in its own order.
      const saved = formatMessage([bundle], "event-saved", { name: displayName(p) });
      expect(saved).toContain(`\u2068${shown}\u2069`);
      // A script in the UI language says the name in the same order, isolated,
      // unless the script is in the person's own language and their own script exists.
      const vars = scriptVars(p, ui, "Ana");
      const own = p.native_name !== "" && p.preferred_language.split("-")[0] === ui;
      expect(vars.full_name).toBe(own ? p.native_name : shown);
      expect(fillVariables("{full_name}", vars)).toBe(isolate(vars.full_name!));
    });
  });

  it("decides the culture from the native script first, then the person's language", () => {
    expect(nameCulture(person("Wei", "", "Chen", "陈伟", "en"))).toBe("zh");
    expect(nameCulture(person("Wei", "", "Chen", "陳偉", "zh-Hant"))).toBe("zh-Hant");
    expect(nameCulture(person("Yuki", "", "Sato", "佐藤 由紀", "ja"))).toBe("ja");
    expect(nameCulture(person("An", "", "Nguyen", "", "vi"))).toBe("vi");
    expect(nameCulture(person("Dana", "", "Smith", "", ""))).toBeUndefined();
    expect(familyFirst(person("Yuki", "", "Sato", "佐藤 由紀", "ja"))).toBe(true);
    // A Latin-script name says nothing; a Vietnamese UI does not make it Vietnamese.
    expect(familyFirst(person("Dana", "", "Smith", "", ""))).toBe(false);
  });

  it("isolates a Latin name inside a Persian script sentence", () => {
    const vars = scriptVars(person("Dana", "", "Smith", "", "en"), "fa", "Ana");
    expect(fillVariables("سلام {full_name}، من {canvasser_name} هستم.", vars)).toBe("سلام \u2068Dana Smith\u2069، من \u2068Ana\u2069 هستم.");
  });
});
