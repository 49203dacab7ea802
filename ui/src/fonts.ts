// Bundled fonts, so every script the field meets renders on a phone whose
// system fonts lack it. Each @fontsource stylesheet splits its font by
// unicode-range: the browser fetches (from the app bundle, never a CDN) only
// the chunks for characters actually on screen. Regular and bold for the
// alphabetic scripts; CJK ships regular only, to keep the bundle small
// (bold CJK is synthesized). See FONTS.md.
import "@fontsource/noto-sans/400.css";
import "@fontsource/noto-sans/700.css";
import "@fontsource/noto-sans-arabic/400.css";
import "@fontsource/noto-sans-arabic/700.css";
import "@fontsource/noto-sans-armenian/400.css";
import "@fontsource/noto-sans-armenian/700.css";
import "@fontsource/noto-sans-khmer/400.css";
import "@fontsource/noto-sans-khmer/700.css";
import "@fontsource/noto-sans-gurmukhi/400.css";
import "@fontsource/noto-sans-gurmukhi/700.css";
import "@fontsource/noto-sans-devanagari/400.css";
import "@fontsource/noto-sans-devanagari/700.css";
import "@fontsource/noto-sans-thai/400.css";
import "@fontsource/noto-sans-thai/700.css";
import "@fontsource/noto-sans-lao/400.css";
import "@fontsource/noto-sans-myanmar/400.css";
import "@fontsource/noto-sans-bengali/400.css";
import "@fontsource/noto-sans-tamil/400.css";
import "@fontsource/noto-sans-telugu/400.css";
import "@fontsource/noto-sans-gujarati/400.css";
import "@fontsource/noto-sans-sc/400.css";
import "@fontsource/noto-sans-tc/400.css";
import "@fontsource/noto-sans-jp/400.css";
import "@fontsource/noto-sans-kr/400.css";
