import { describe, expect, it } from "vitest";
import { ENDONYMS, endonym, nameLang } from "./endonyms";

const UI_LOCALES = ["en", "es", "zh-Hans", "zh-Hant", "vi", "ko", "tl", "hy", "fa", "ar", "km", "ru", "ja", "pa", "hi", "th"];
const EXTRA = ["hmn-Latn", "lo", "my", "so", "pt", "uk", "ur", "bn", "ta", "te", "gu"];

describe("endonyms", () => {
  it("cover the UI locales and the other languages voters speak", () => {
    const tags = ENDONYMS.map((e) => e.tag);
    for (const tag of [...UI_LOCALES, ...EXTRA]) expect(tags).toContain(tag);
    expect(new Set(tags).size).toBe(tags.length);
  });

  it("are written in their own script", () => {
    expect(endonym("vi")).toBe("Tiếng Việt");
    expect(endonym("ko")).toBe("한국어");
    expect(endonym("hy")).toBe("Հայերեն");
    expect(endonym("fa")).toBe("فارسی");
    expect(endonym("km")).toBe("ភាសាខ្មែរ");
    expect(endonym("pa")).toBe("ਪੰਜਾਬੀ");
    expect(endonym("hmn")).toBe("Hmoob");
  });

  it("resolve aliases and regional tags", () => {
    expect(endonym("zh-TW")).toBe("繁體中文");
    expect(endonym("zh-CN")).toBe("简体中文");
    expect(endonym("fil")).toBe("Tagalog");
    expect(endonym("zh")).toBe("中文");
    expect(endonym("")).toBe("");
  });

  it("are NFC, so they match what people type", () => {
    for (const e of ENDONYMS) expect(e.name).toBe(e.name.normalize("NFC"));
  });
});

describe("nameLang", () => {
  it("keeps the person's language when the script fits it", () => {
    expect(nameLang("李小龍", "zh-Hant")).toBe("zh-Hant");
    expect(nameLang("김민준", "ko")).toBe("ko");
  });
  it("follows the script when the language does not write in it", () => {
    expect(nameLang("김민준", "en")).toBe("ko");
    expect(nameLang("たなか", "en")).toBe("ja");
    expect(nameLang("Nguyễn", "vi")).toBe("vi");
    expect(nameLang("Trần Linh", "hy")).toBeUndefined();
    expect(nameLang("Ольга", "en")).toBe("ru");
  });
});
