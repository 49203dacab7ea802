import { describe, expect, it } from "vitest";
import { chooseTransport, httpTransport, pageSecret, RpcError, SECRET_HEADER, toRpcError } from "./transport";

function fakeFetch(status: number, body: string, seen?: { url?: string; init?: RequestInit }): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    if (seen) Object.assign(seen, { url, init });
    return new Response(body, { status, headers: { "content-type": "application/json" } });
  }) as unknown as typeof fetch;
}

describe("HTTP transport", () => {
  it("posts the request as JSON to /rpc and returns the answer", async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const rpc = httpTransport("/rpc", fakeFetch(200, JSON.stringify([{ id: "L1" }]), seen));
    await expect(rpc({ cmd: "lists" })).resolves.toEqual([{ id: "L1" }]);
    expect(seen.url).toBe("/rpc");
    expect(seen.init?.method).toBe("POST");
    expect(JSON.parse(seen.init?.body as string)).toEqual({ cmd: "lists" });
  });

  it("sends the page's secret on every call, and no secret header without one", async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const rpc = httpTransport("/rpc", fakeFetch(200, "null", seen), "s3cret");
    await rpc({ cmd: "status" });
    expect((seen.init?.headers as Record<string, string>)[SECRET_HEADER]).toBe("s3cret");
    await rpc({ cmd: "lists" });
    expect((seen.init?.headers as Record<string, string>)[SECRET_HEADER]).toBe("s3cret");
    await httpTransport("/rpc", fakeFetch(200, "null", seen), null)({ cmd: "status" });
    expect(Object.keys(seen.init?.headers as Record<string, string>)).not.toContain(SECRET_HEADER);
  });

  it("reads the secret from the meta tag the loopback adapter serves", () => {
    const metas: Record<string, { content: string }> = { 'meta[name="doorstep-rpc-secret"]': { content: "abc_-9" } };
    const doc = { querySelector: (sel: string) => metas[sel] ?? null } as unknown as Document;
    expect(pageSecret(doc)).toBe("abc_-9");
    expect(pageSecret({ querySelector: () => null } as unknown as Document)).toBeNull();
    expect(pageSecret(undefined)).toBeNull();
  });

  it("says forbidden when the adapter refuses the call", async () => {
    const rpc = httpTransport("/rpc", fakeFetch(403, JSON.stringify({ code: "forbidden", message: "missing or wrong x-doorstep-secret header" })), null);
    await expect(rpc({ cmd: "status" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("returns null for a command that answers null", async () => {
    const rpc = httpTransport("/rpc", fakeFetch(200, "null"));
    await expect(rpc({ cmd: "script", list_id: "L1" })).resolves.toBeNull();
  });

  it("turns an ApiError body into an RpcError", async () => {
    const rpc = httpTransport("/rpc", fakeFetch(404, JSON.stringify({ code: "not_found", message: "no such list" })));
    await expect(rpc({ cmd: "doors", list_id: "x" })).rejects.toMatchObject({ name: "RpcError", code: "not_found", message: "no such list" });
  });

  it("reports other failures with the HTTP status", async () => {
    const rpc = httpTransport("/rpc", fakeFetch(502, "Bad Gateway"));
    await expect(rpc({ cmd: "status" })).rejects.toMatchObject({ code: "http_502" });
  });

  it("reports an unreachable core", async () => {
    const rpc = httpTransport("/rpc", (async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as typeof fetch);
    await expect(rpc({ cmd: "status" })).rejects.toMatchObject({ code: "unreachable" });
  });
});

describe("transport choice and errors", () => {
  it("uses Tauri's invoke('rpc', { request }) inside the app", async () => {
    const calls: unknown[] = [];
    const internals = {
      invoke: async (cmd: string, args: unknown) => {
        calls.push([cmd, args]);
        if ((args as { request: { cmd: string } }).request.cmd === "doors") throw { code: "not_found", message: "gone" };
        return { ui_language: "vi", side_by_side: true };
      },
    };
    (globalThis as { window?: unknown }).window = { __TAURI_INTERNALS__: internals };
    try {
      const rpc = chooseTransport({ __TAURI_INTERNALS__: internals });
      await expect(rpc({ cmd: "get_settings" })).resolves.toEqual({ ui_language: "vi", side_by_side: true });
      expect(calls).toEqual([["rpc", { request: { cmd: "get_settings" } }]]);
      await expect(rpc({ cmd: "doors", list_id: "x" })).rejects.toMatchObject({ name: "RpcError", code: "not_found" });
    } finally {
      delete (globalThis as { window?: unknown }).window;
    }
  });
  it("uses HTTP outside Tauri", async () => {
    const rpc = chooseTransport({});
    // No server here: the HTTP path says so as "unreachable", never as a Tauri error.
    await expect(rpc({ cmd: "status" })).rejects.toMatchObject({ code: "unreachable" });
  });
  it("normalises what Tauri rejects with", () => {
    expect(toRpcError({ code: "offline", message: "no signal" })).toMatchObject({ code: "offline", message: "no signal" });
    expect(toRpcError('{"code":"invalid","message":"bad"}')).toMatchObject({ code: "invalid" });
    expect(toRpcError("boom")).toMatchObject({ code: "unknown", message: "boom" });
    expect(toRpcError(new RpcError("store", "disk"))).toMatchObject({ code: "store" });
  });
});
