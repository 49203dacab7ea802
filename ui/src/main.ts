import "./fonts";
import "./app.css";
import { mount } from "svelte";
import App from "./App.svelte";
import { i18n } from "./i18n/i18n.svelte";
import { startLanguage } from "./lib/language";
import { settings } from "./state/settings.svelte";

async function start() {
  // The UI language is a device setting; until the canvasser picks one (or
  // if the core cannot be asked yet: the sync bar says what is wrong) the
  // phone's own language is used.
  let saved: string | null = null;
  try {
    await settings.load();
    saved = settings.ui_language;
  } catch {
    // Keep the phone's language.
  }
  await i18n.setLocale(startLanguage(saved, navigator.languages));
  mount(App, { target: document.getElementById("app")! });
}

void start();
