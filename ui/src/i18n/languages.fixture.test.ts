// The language fixture the core's `cargo test` runs too (lang.rs,
// normalizes_the_shared_fixture): a language typed on the phone must become
// the tag, and get the UI locale, that the core gives it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LANGUAGES, bestMatch, normalizeLanguage } from "./match";
import { UI_LOCALES } from "./locales";

interface Case {
  input: string;
  tag: string | null;
  ui: string | null;
  error?: boolean;
  note: string;
}

const file = fileURLToPath(new URL("../../../schema/fixtures/languages.json", import.meta.url));
const cases: Case[] = JSON.parse(readFileSync(file, "utf8"));

function run(input: string): { tag: string | null } | { error: string } {
  try {
    return { tag: normalizeLanguage(input) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe("languages, on schema/fixtures/languages.json", () => {
  it("has its cases", () => {
    expect(cases.length).toBeGreaterThan(40);
  });

  it.each(cases)("$input → $tag, UI $ui ($note)", (c) => {
    const got = run(c.input);
    if (c.error) {
      expect(got).toHaveProperty("error");
      expect((got as { error: string }).error).toContain(JSON.stringify(c.input));
      return;
    }
    expect(got).toEqual({ tag: c.tag });
    const ui = c.tag === null ? undefined : bestMatch([c.tag], UI_LOCALES);
    expect(ui ?? null).toBe(c.ui);
  });

  it("flags as UI locales exactly the catalogs that ship", () => {
    expect(LANGUAGES.filter((l) => l.ui).map((l) => l.tag).sort()).toEqual([...UI_LOCALES].sort());
  });
});
