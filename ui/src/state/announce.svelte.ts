// One polite live region for confirmations ("Saved on this phone"), so a
// screen reader hears them even after the screen that made them has changed.
class Announcer {
  message = $state("");
  kind = $state<"saved" | "error">("saved");
  #timer: ReturnType<typeof setTimeout> | undefined;

  say(message: string, kind: "saved" | "error" = "saved"): void {
    // Clearing first makes a repeated message be read again.
    this.message = "";
    this.kind = kind;
    queueMicrotask(() => (this.message = message));
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (this.message = ""), 6000);
  }
}

export const announcer = new Announcer();
