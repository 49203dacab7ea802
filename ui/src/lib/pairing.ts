// What the canvasser typed or pasted on the pairing screen. The core parses a
// QR payload itself; reading it here too lets the screen show which endpoint
// is about to be trusted and catch a missing URL before any network call.

export interface PairingPayload {
  code: string;
  url: string | null;
}

const PREFIX = "doorstep:pair?";

/** `doorstep:pair?url=<urlencoded endpoint>&code=<CODE>` → its parts, or null if it is not one. */
export function parsePairingPayload(text: string): PairingPayload | null {
  const t = text.trim();
  if (!t.toLowerCase().startsWith(PREFIX)) return null;
  const params = new URLSearchParams(t.slice(PREFIX.length));
  const code = params.get("code")?.trim() ?? "";
  if (!code) return null;
  const url = params.get("url")?.trim() || null;
  return { code, url };
}

/** A short pairing code as people type it: letters and digits, any case, dashes or spaces. */
export function looksLikeCode(text: string): boolean {
  return /^[A-Za-z0-9](?:[A-Za-z0-9\s-]*[A-Za-z0-9])?$/.test(text.trim()) && text.replace(/[\s-]/g, "").length >= 4;
}

export function isEndpointUrl(text: string): boolean {
  try {
    const u = new URL(text.trim());
    return (u.protocol === "https:" || u.protocol === "http:") && u.hostname !== "";
  } catch {
    return false;
  }
}

export type PairingProblem = "pairing-error-empty" | "pairing-error-code" | "pairing-error-url";

/**
 * What to send to `pair`, or which message explains the problem. A pasted
 * payload goes to the core whole (as `code`), as the core expects.
 */
export function readPairingForm(codeField: string, urlField: string): { ok: true; code: string; url: string | null; endpoint: string | null } | { ok: false; problem: PairingProblem } {
  const code = codeField.trim();
  const url = urlField.trim();
  if (!code) return { ok: false, problem: "pairing-error-empty" };
  const payload = parsePairingPayload(code);
  if (payload) {
    const endpoint = payload.url ?? (url || null);
    if (!endpoint) return { ok: false, problem: "pairing-error-url" };
    if (!isEndpointUrl(endpoint)) return { ok: false, problem: "pairing-error-url" };
    return { ok: true, code, url: payload.url ? null : endpoint, endpoint };
  }
  if (!looksLikeCode(code)) return { ok: false, problem: "pairing-error-code" };
  if (!isEndpointUrl(url)) return { ok: false, problem: "pairing-error-url" };
  return { ok: true, code, url, endpoint: url };
}
