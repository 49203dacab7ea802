import "./fonts";
import "./app.css";
import { mount } from "svelte";
import App from "./App.svelte";
import { i18n } from "./i18n/i18n.svelte";
import { settings } from "./state/settings.svelte";

async function start() {
  // The UI language is a device setting; if the core cannot be asked yet,
  // start in the browser's language and let the sync bar say what is wrong.
  let wanted = navigator.languages?.[0] ?? "en";
  try {
    await settings.load();
    wanted = settings.ui_language;
  } catch {
    // Keep the browser's language.
  }
  await i18n.setLocale(wanted);
  mount(App, { target: document.getElementById("app")! });
}

void start();
