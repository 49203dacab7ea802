import { describe, expect, it } from "vitest";
import { fold, matchesAll, queryTerms } from "./fold";

describe("fold", () => {
  it("drops Latin diacritics, including đ", () => {
    expect(fold("Nguyễn Thị Đặng")).toBe("nguyen thi dang");
    expect(fold("MUÑOZ")).toBe("munoz");
    expect(fold("Ψυχή")).toBe("ψυχη");
  });
  it("keeps vowel signs of Indic and Southeast Asian scripts", () => {
    expect(fold("ਪੰਜਾਬੀ")).toBe("ਪੰਜਾਬੀ".normalize("NFC"));
    expect(fold("ភាសាខ្មែរ")).toBe("ភាសាខ្មែរ".normalize("NFC"));
    expect(fold("हिन्दी")).toBe("हिन्दी".normalize("NFC"));
  });
  it("matches every query word anywhere", () => {
    const hay = fold("123 Main St\u0001Nguyễn\u0001Văn An\u0001李小龍");
    expect(matchesAll(hay, queryTerms("nguyen main"))).toBe(true);
    expect(matchesAll(hay, queryTerms("小龍"))).toBe(true);
    expect(matchesAll(hay, queryTerms("tran"))).toBe(false);
  });
});
