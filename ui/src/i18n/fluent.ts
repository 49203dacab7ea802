// Fluent bundles and message lookup with English as the last fallback, kept
// free of Svelte state so it can be unit-tested.
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";

export type Args = Record<string, FluentVariable | null | undefined>;

export function createBundle(locale: string, source: string): { bundle: FluentBundle; errors: Error[] } {
  // useIsolating stays on (the default): its marks keep a right-to-left name
  // from scrambling the left-to-right sentence around it, and vice versa.
  const bundle = new FluentBundle(locale);
  const errors = bundle.addResource(new FluentResource(source));
  return { bundle, errors };
}

function clean(args: Args | undefined): Record<string, FluentVariable> | undefined {
  if (!args) return undefined;
  const out: Record<string, FluentVariable> = {};
  for (const [k, v] of Object.entries(args)) out[k] = v ?? "";
  return out;
}

/**
 * The first bundle that has the message formats it. A missing message shows
 * its id rather than nothing, so a gap is visible in testing.
 */
export function formatMessage(bundles: readonly FluentBundle[], id: string, args?: Args, attribute?: string): string {
  for (const bundle of bundles) {
    const msg = bundle.getMessage(id);
    if (!msg) continue;
    const pattern = attribute ? msg.attributes[attribute] : msg.value;
    if (!pattern) continue;
    const errors: Error[] = [];
    const text = bundle.formatPattern(pattern, clean(args), errors);
    if (errors.length > 0 && import.meta.env?.DEV) console.warn(`fluent ${bundle.locales[0]} ${id}:`, errors);
    return text;
  }
  return attribute ? `${id}.${attribute}` : id;
}
