import { describe, expect, it } from "vitest";
import { bestMatch, canonicalTag, directionOf, pickText } from "./match";

const SCRIPT_TAGS = ["en", "es", "zh-Hans", "zh-Hant", "vi", "fa"];

describe("bestMatch", () => {
  it.each([
    [["zh-TW"], "zh-Hant"],
    [["zh-HK"], "zh-Hant"],
    [["yue"], "zh-Hant"],
    [["zh-Hant-TW"], "zh-Hant"],
    [["zh-CN"], "zh-Hans"],
    [["zh"], "zh-Hans"],
    [["vi-VN"], "vi"],
    [["prs"], "fa"],
    [["fa-IR"], "fa"],
    [["ko", "es"], "es"],
    [["", null, "vi"], "vi"],
  ])("%j → %s", (wanted, expected) => {
    expect(bestMatch(wanted, SCRIPT_TAGS)).toBe(expected);
  });

  it("prefers the other Chinese script over the next language", () => {
    expect(bestMatch(["zh-TW", "en"], ["en", "zh-Hans"])).toBe("zh-Hans");
  });

  it("never picks Simplified for a Traditional reader when Traditional exists", () => {
    expect(bestMatch(["zh-Hant"], ["zh-Hans", "zh-Hant"])).toBe("zh-Hant");
    expect(bestMatch(["zh-TW"], ["zh-Hans", "zh-TW"])).toBe("zh-TW");
  });

  it("returns keys as the caller spelled them", () => {
    expect(bestMatch(["tl"], ["fil", "en"])).toBe("fil");
    expect(bestMatch(["hmn"], ["hmn-Latn"])).toBe("hmn-Latn");
  });

  it("finds nothing when nothing fits", () => {
    expect(bestMatch(["km"], ["en", "es"])).toBeUndefined();
  });
});

describe("pickText", () => {
  const texts = { en: "Hello", vi: "Xin chào", "zh-Hant": "你好", "zh-Hans": "你好啊" };
  it("follows the voter, then the canvasser, then English", () => {
    expect(pickText(texts, ["vi", "es"])?.tag).toBe("vi");
    expect(pickText(texts, ["km", "zh-TW"])?.tag).toBe("zh-Hant");
    expect(pickText(texts, ["km", "ru"])?.tag).toBe("en");
  });
  it("skips empty texts and falls back to any text", () => {
    expect(pickText({ vi: "  ", ko: "안녕하세요" }, ["vi"])?.tag).toBe("ko");
    expect(pickText({}, ["vi"])).toBeUndefined();
  });
});

describe("canonicalTag and directionOf", () => {
  it("applies the field's aliases", () => {
    expect(canonicalTag("zh_TW")).toBe("zh-Hant");
    expect(canonicalTag("fil")).toBe("tl");
    expect(canonicalTag("")).toBe("");
  });
  it("keeps what an alias does not replace, once", () => {
    expect(canonicalTag("fil-PH")).toBe("tl-PH");
    expect(canonicalTag("hmn-Latn")).toBe("hmn-Latn");
    expect(canonicalTag("hmn-US")).toBe("hmn-Latn-US");
    expect(canonicalTag("sr-latn-rs")).toBe("sr-Latn-RS");
  });
  it("knows right-to-left languages", () => {
    expect(directionOf("fa")).toBe("rtl");
    expect(directionOf("ar-EG")).toBe("rtl");
    expect(directionOf("prs")).toBe("rtl");
    expect(directionOf("pa-Arab")).toBe("rtl");
    expect(directionOf("iw-IL")).toBe("rtl");
    expect(directionOf("ur-PK")).toBe("rtl");
    expect(directionOf("vi")).toBe("ltr");
    expect(directionOf("zh-Hant")).toBe("ltr");
  });
});
