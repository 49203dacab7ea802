// The fold fixture the core's `cargo test` runs too (fold.rs,
// folds_the_shared_fixture): what the phone filters as you type must fold as
// the store indexed it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fold } from "./fold";

interface Case {
  input: string;
  fold: string;
  note: string;
}

const file = fileURLToPath(new URL("../../../schema/fixtures/fold.json", import.meta.url));
const cases: Case[] = JSON.parse(readFileSync(file, "utf8"));

describe("fold, on schema/fixtures/fold.json", () => {
  it("has its cases", () => {
    expect(cases.length).toBeGreaterThan(30);
  });
  it.each(cases)("$note: $input", (c) => {
    expect(fold(c.input)).toBe(c.fold);
  });
});
