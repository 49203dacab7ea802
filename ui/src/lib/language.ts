// Which language the UI starts in. A canvasser's saved choice wins; until
// they make one, a new device speaks the phone's own language when Doorstep
// has it (the OS list the webview exposes as navigator.languages, in order),
// else English. Nothing is saved on their behalf, so a phone whose language
// changes later is followed until the canvasser picks one in Settings.
import { SOURCE_LOCALE, UI_LOCALES } from "../i18n/locales";
import { bestMatch } from "../i18n/match";

export function startLanguage(saved: string | null | undefined, phone: readonly string[] | undefined, available: readonly string[] = UI_LOCALES): string {
  const wanted = saved?.trim() ? [saved] : (phone ?? []);
  return bestMatch(wanted, available) ?? SOURCE_LOCALE;
}
