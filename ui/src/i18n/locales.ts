// Every folder under locales/ at the repository root is a UI language: adding
// locales/<tag>/main.ftl is all it takes. Each file is loaded only when that
// language is chosen.
const sources = import.meta.glob("../../../locales/*/main.ftl", { query: "?raw", import: "default" }) as Record<string, () => Promise<string>>;

/** The locale tag of a `locales/<tag>/main.ftl` path. */
export function tagOfPath(path: string): string | null {
  const m = /locales\/([^/]+)\/main\.ftl$/.exec(path);
  return m ? m[1] : null;
}

const loaders = new Map<string, () => Promise<string>>();
for (const [path, load] of Object.entries(sources)) {
  const tag = tagOfPath(path);
  if (tag) loaders.set(tag, load);
}

export const SOURCE_LOCALE = "en";

/** UI locales found at build time, English first, then by tag. */
export const UI_LOCALES: readonly string[] = [...loaders.keys()].sort((a, b) => (a === SOURCE_LOCALE ? -1 : b === SOURCE_LOCALE ? 1 : a.localeCompare(b)));

export function loadLocaleSource(tag: string): Promise<string> {
  const load = loaders.get(tag);
  if (!load) return Promise.reject(new Error(`no locales/${tag}/main.ftl`));
  return load();
}
