import { describe, expect, it } from "vitest";
import { createBundle, formatMessage } from "./fluent";

// Fluent wraps placeables in FSI/PDI marks (use_isolating); strip them to compare.
const plain = (s: string) => s.replace(/[\u2068\u2069]/g, "");

describe("formatMessage", () => {
  const en = createBundle("en", "hello = Hello { $name }\ncount = { $count ->\n  [one] one door\n *[other] { $count } doors\n}\nonly-en = English only\n").bundle;
  const vi = createBundle("vi", "hello = Xin chào { $name }\ncount = { $count } cửa\n").bundle;

  it("selects plurals by the bundle's language", () => {
    expect(plain(formatMessage([en], "count", { count: 1 }))).toBe("one door");
    expect(plain(formatMessage([en], "count", { count: 3 }))).toBe("3 doors");
    expect(plain(formatMessage([vi, en], "count", { count: 1 }))).toBe("1 cửa");
  });
  it("keeps isolation marks around variables", () => {
    expect(formatMessage([en], "hello", { name: "Ali" })).toBe("Hello \u2068Ali\u2069");
  });
  it("falls back to English, then to the id", () => {
    expect(formatMessage([vi, en], "only-en")).toBe("English only");
    expect(formatMessage([vi, en], "missing-id")).toBe("missing-id");
  });
});
