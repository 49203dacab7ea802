// The UI language as reactive state: `t()` read in a template re-renders when
// the language changes, and <html lang dir> follow it.
import type { FluentBundle } from "@fluent/bundle";
import { createBundle, formatMessage, type Args } from "./fluent";
import { loadLocaleSource, SOURCE_LOCALE, UI_LOCALES } from "./locales";
import { bestMatch, directionOf } from "./match";

const cache = new Map<string, Promise<FluentBundle>>();

function bundleFor(tag: string): Promise<FluentBundle> {
  let p = cache.get(tag);
  if (!p) {
    p = loadLocaleSource(tag).then((src) => {
      const { bundle, errors } = createBundle(tag, src);
      if (errors.length > 0) console.warn(`locales/${tag}/main.ftl:`, errors);
      return bundle;
    });
    cache.set(tag, p);
  }
  return p;
}

/** The UI locale to use for a wanted tag (or the browser's list), among those shipped. */
export function negotiateUiLocale(wanted: readonly string[]): string {
  return bestMatch(wanted, UI_LOCALES) ?? SOURCE_LOCALE;
}

class I18n {
  locale = $state(SOURCE_LOCALE);
  dir = $state<"ltr" | "rtl">("ltr");
  #bundles = $state.raw<FluentBundle[]>([]);

  async setLocale(wanted: string): Promise<void> {
    const tag = negotiateUiLocale([wanted]);
    const chain = tag === SOURCE_LOCALE ? [tag] : [tag, SOURCE_LOCALE];
    const bundles = await Promise.all(chain.map(bundleFor));
    this.#bundles = bundles;
    this.locale = tag;
    this.dir = directionOf(tag);
    if (typeof document !== "undefined") {
      document.documentElement.lang = tag;
      document.documentElement.dir = this.dir;
    }
  }

  t = (id: string, args?: Args): string => formatMessage(this.#bundles, id, args);

  /** A message attribute, e.g. `.aria-label` or `.placeholder`. */
  attr = (id: string, attribute: string, args?: Args): string => formatMessage(this.#bundles, id, args, attribute);
}

export const i18n = new I18n();
export const t = i18n.t;
export const attr = i18n.attr;
