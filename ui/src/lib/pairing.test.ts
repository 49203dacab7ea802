import { describe, expect, it } from "vitest";
import { looksLikeCode, parsePairingPayload, readPairingForm } from "./pairing";

describe("QR pairing payload", () => {
  it("reads the endpoint and the code", () => {
    expect(parsePairingPayload("doorstep:pair?url=https%3A%2F%2Forg.example%3A8443%2F&code=K7QF-3M9X")).toEqual({ code: "K7QF-3M9X", url: "https://org.example:8443/" });
    expect(parsePairingPayload("  DOORSTEP:PAIR?code=K7QF-3M9X&url=http%3A%2F%2F10.0.0.2%3A7000 ")).toEqual({ code: "K7QF-3M9X", url: "http://10.0.0.2:7000" });
  });
  it("rejects anything else", () => {
    expect(parsePairingPayload("K7QF-3M9X")).toBeNull();
    expect(parsePairingPayload("doorstep:pair?url=https%3A%2F%2Fx")).toBeNull();
    expect(parsePairingPayload("https://org.example/pair?code=K7QF")).toBeNull();
  });
});

describe("pairing form", () => {
  it("sends a pasted payload whole, as the core parses it", () => {
    const payload = "doorstep:pair?url=https%3A%2F%2Forg.example&code=K7QF-3M9X";
    expect(readPairingForm(payload, "")).toEqual({ ok: true, code: payload, url: null, endpoint: "https://org.example" });
  });
  it("needs a URL with a typed code", () => {
    expect(readPairingForm("K7QF-3M9X", "")).toEqual({ ok: false, problem: "pairing-error-url" });
    expect(readPairingForm("K7QF-3M9X", "org.example")).toEqual({ ok: false, problem: "pairing-error-url" });
    expect(readPairingForm("k7qf 3m9x", " https://org.example ")).toEqual({ ok: true, code: "k7qf 3m9x", url: "https://org.example", endpoint: "https://org.example" });
  });
  it("explains an empty or garbled code", () => {
    expect(readPairingForm("  ", "https://org.example")).toEqual({ ok: false, problem: "pairing-error-empty" });
    expect(readPairingForm("K7/QF?", "https://org.example")).toEqual({ ok: false, problem: "pairing-error-code" });
    expect(looksLikeCode("AB")).toBe(false);
  });
});
