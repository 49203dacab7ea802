import { describe, expect, it } from "vitest";
import { UI_LOCALES } from "../i18n/locales";
import { startLanguage } from "./language";

describe("the language a device starts in", () => {
  it("is the phone's first language Doorstep has", () => {
    expect(startLanguage("", ["vi-VN", "en"])).toBe("vi");
    expect(startLanguage(null, ["xx", "fa-IR"])).toBe("fa");
    expect(startLanguage("", ["zh-TW"])).toBe("zh-Hant");
    expect(startLanguage("", ["fil-PH"])).toBe("tl");
  });
  it("is English when Doorstep has none of the phone's languages", () => {
    expect(startLanguage("", ["xx"])).toBe("en");
    expect(startLanguage(undefined, [])).toBe("en");
    expect(startLanguage("", undefined)).toBe("en");
  });
  it("is the canvasser's saved choice whatever the phone says", () => {
    expect(startLanguage("fa", ["vi-VN", "en"])).toBe("fa");
    expect(startLanguage("en", ["vi-VN"])).toBe("en");
  });
  it("matches only locales that ship", () => {
    expect(UI_LOCALES).toEqual(expect.arrayContaining(["en", "vi", "fa", "zh-Hant", "tl"]));
    expect(startLanguage("", ["vi"], ["en", "es"])).toBe("en");
  });
});
