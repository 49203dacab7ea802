// The canvasser's settings, held by the core so they survive reinstalling
// the UI and follow the device rather than the browser.
import * as api from "../api";
import type { Settings } from "../api";
import { i18n } from "../i18n/i18n.svelte";

class SettingsState {
  // Empty until the canvasser picks a language: the UI follows the phone.
  ui_language = $state("");
  side_by_side = $state(true);
  /** Minutes idle before the app locks; 0 never. */
  lock_after_minutes = $state(15);

  apply(s: Settings): void {
    this.ui_language = s.ui_language;
    this.side_by_side = s.side_by_side;
    this.lock_after_minutes = s.lock_after_minutes;
  }

  async load(): Promise<void> {
    this.apply(await api.getSettings());
  }

  async update(patch: Partial<Settings>): Promise<void> {
    const next: Settings = { ui_language: this.ui_language, side_by_side: this.side_by_side, lock_after_minutes: this.lock_after_minutes, ...patch };
    this.apply(await api.setSettings(next));
    if (patch.ui_language) await i18n.setLocale(this.ui_language);
  }
}

export const settings = new SettingsState();
