// Folding for as-you-type matching, the same rule the core uses for search
// (i18n-research.md): drop diacritics only on Latin, Greek and Cyrillic
// letters, because on Gurmukhi, Devanagari, Khmer or Thai the combining
// marks are vowels and dropping them changes the word.
const DROPPABLE_BASE = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;
const MARK = /\p{M}/u;
const ASCII = /^[\x00-\x7f]*$/;

// Letters with no canonical decomposition that readers treat as plain ones.
const EXTRA: Record<string, string> = { đ: "d", Đ: "d", ł: "l", Ł: "l", ø: "o", Ø: "o", ß: "ss", æ: "ae", Æ: "ae", œ: "oe", Œ: "oe", ı: "i" };
const EXTRA_RE = new RegExp(`[${Object.keys(EXTRA).join("")}]`, "g");

export function fold(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  let out = "";
  let dropMarks = false;
  for (const ch of text.normalize("NFD")) {
    if (MARK.test(ch)) {
      if (!dropMarks) out += ch;
      continue;
    }
    dropMarks = DROPPABLE_BASE.test(ch);
    out += ch;
  }
  return out.replace(EXTRA_RE, (c) => EXTRA[c]).toLowerCase().normalize("NFC");
}

/** Folded query words; a haystack matches when it contains every one. */
export function queryTerms(query: string): string[] {
  return fold(query).split(/\s+/u).filter((w) => w !== "");
}

export function matchesAll(haystack: string, terms: readonly string[]): boolean {
  for (const t of terms) if (!haystack.includes(t)) return false;
  return true;
}
