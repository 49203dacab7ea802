import { describe, expect, it } from "vitest";
import { fillVariables, layoutScript, paragraphs, scriptVars } from "./script";

// Filled values arrive isolated (FSI … PDI); strip the marks to compare words.
const plain = (s: string) => s.replace(/[\u2068\u2069]/g, "");

const texts = {
  en: "Hi {given_name}, I'm {canvasser_name}.\n\nWill you vote?",
  vi: "Chào {given_name}, tôi là {canvasser_name}.\n\nAnh/chị sẽ đi bầu chứ?",
  "zh-Hant": "{full_name}您好，我是{canvasser_name}。\n\n您會投票嗎？",
};

describe("script variables", () => {
  it("fills known variables and leaves the rest visible", () => {
    expect(fillVariables("Hi {given_name} {unknown} { family_name }", { given_name: "An", family_name: "Lê" })).toBe("Hi \u2068An\u2069 {unknown} \u2068Lê\u2069");
    expect(fillVariables("Hi {given_name}", { given_name: "  " })).toBe("Hi {given_name}");
  });
  it("says a full name in the person's own script in their language, else in their culture's order", () => {
    const p = { given_name: "Xiaolong", family_name: "Li", native_name: "李小龍", preferred_language: "zh-Hant" };
    expect(scriptVars(p, "zh-Hant", "Ana").full_name).toBe("李小龍");
    expect(scriptVars({ ...p, native_name: "" }, "zh-Hant", "Ana").full_name).toBe("Li Xiaolong");
    expect(scriptVars(p, "en", "Ana").full_name).toBe("Li Xiaolong");
    expect(scriptVars({ given_name: "Ana", family_name: "Cruz", native_name: "", preferred_language: "es" }, "vi", null).full_name).toBe("Ana Cruz");
  });
});

describe("script layout", () => {
  it("splits paragraphs on blank lines", () => {
    expect(paragraphs("a\nb\n\n\n c \r\n\r\nd")).toEqual(["a\nb", "c", "d"]);
  });
  it("shows the voter's language with the canvasser's beneath", () => {
    const l = layoutScript(texts, "vi", "en", true, { given_name: "An", canvasser_name: "Ana" })!;
    expect(l.voterTag).toBe("vi");
    expect(l.ownTag).toBe("en");
    expect(l.blocks.map((b) => ({ voter: plain(b.voter), own: b.own === null ? null : plain(b.own) }))[0]).toEqual({ voter: "Chào An, tôi là Ana.", own: "Hi An, I'm Ana." });
    expect(l.blocks).toHaveLength(2);
  });
  it("matches zh-TW to Traditional, and omits the pair when languages are equal", () => {
    const l = layoutScript(texts, "zh-TW", "en", false, {})!;
    expect(l.voterTag).toBe("zh-Hant");
    expect(l.ownTag).toBeNull();
    const same = layoutScript(texts, "en", "en", true, {})!;
    expect(same.ownTag).toBeNull();
  });
  it("falls back to the canvasser's language, then English", () => {
    expect(layoutScript(texts, "km", "vi", false, {})!.voterTag).toBe("vi");
    expect(layoutScript(texts, "km", "ru", false, {})!.voterTag).toBe("en");
    expect(layoutScript(texts, null, "zh-Hant", false, {})!.voterTag).toBe("zh-Hant");
  });
  it("honours a language the canvasser picked", () => {
    expect(layoutScript(texts, "vi", "en", false, {}, "zh-Hant")!.voterTag).toBe("zh-Hant");
  });
});
