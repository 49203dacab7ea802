// Folding for as-you-type matching: the core's `fold` (crates/doorstep-core/
// src/fold.rs), rule for rule, so the phone filters what the store indexed
// the same way. Both run schema/fixtures/fold.json. Marks are dropped only
// where they are optional (Latin, Greek, Cyrillic, Arabic, Hebrew): on
// Gurmukhi, Devanagari, Khmer or Thai they are vowels, and dropping them
// changes the word.
const OPTIONAL_MARKS_BASE = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}]/u;
const MARK = /\p{M}/u;
// Rust's char::is_alphanumeric.
const WORD = /[\p{Alphabetic}\p{N}]/u;
// Apostrophes join (O'Brien → obrien); joiners such as Persian's ZWNJ and
// soft hyphens vanish rather than split.
const VANISH = /['’ʼ`\u200B-\u200F\u2060\uFEFF\u00AD]/u;
const ASCII = /^[\x00-\x7f]*$/;

// Letters with no canonical decomposition that people still type without
// their stroke, the same spelling in other scripts' code points (Arabic and
// Persian keyboards), and tatweel, which only stretches a word.
const LETTERS: Record<string, string> = {
  đ: "d", Đ: "d", ð: "d", Ð: "d", ł: "l", Ł: "l", ø: "o", Ø: "o", ß: "ss", ẞ: "ss",
  æ: "ae", Æ: "ae", œ: "oe", Œ: "oe", ı: "i", ς: "σ", þ: "th", Þ: "th",
  ي: "ی", ى: "ی", ك: "ک", ة: "ه", أ: "ا", إ: "ا", آ: "ا", ٱ: "ا", "\u0640": "",
};

export function fold(text: string): string {
  // Nearly every US name and address: the same rules as below, by regex.
  if (ASCII.test(text)) return text.toLowerCase().replace(/['`]/g, "").replace(/[^a-z0-9]+/g, " ").trim();
  let out = "";
  let dropMarks = false;
  for (const ch of text.normalize("NFD")) {
    if (MARK.test(ch)) {
      if (!dropMarks) out += ch;
      continue;
    }
    dropMarks = OPTIONAL_MARKS_BASE.test(ch);
    const letter = LETTERS[ch];
    if (letter !== undefined) out += letter;
    else if (WORD.test(ch)) out += ch.toLowerCase();
    else if (VANISH.test(ch)) continue;
    else if (out !== "" && !out.endsWith(" ")) out += " ";
  }
  return out.trimEnd().normalize("NFC");
}

/** Folded query words; a haystack matches when it contains every one. */
export function queryTerms(query: string): string[] {
  return fold(query).split(/\s+/u).filter((w) => w !== "");
}

export function matchesAll(haystack: string, terms: readonly string[]): boolean {
  for (const t of terms) if (!haystack.includes(t)) return false;
  return true;
}
