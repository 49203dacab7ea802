// The one door between the UI and the Rust core. Two ways through it, chosen
// once at startup: Tauri IPC inside the app, or POST /rpc on the same origin
// (the loopback adapter used by browser tests and desktop browsers), which
// answers only requests carrying the secret it put in the page. Nothing
// outside src/api/ may import @tauri-apps/*, so the browser build never
// depends on the app shell.
import type { ApiError } from "../generated/ApiError";
import type { Request } from "../generated/Request";
import type { Response } from "../generated/Response";
import type { Wire } from "./wire";

export type WireRequest = Wire<Request>;
export type WireResponse = Wire<Response>;
export type Rpc = (request: WireRequest) => Promise<WireResponse>;

/**
 * A failed command. `code` is the core's ("not_paired", "not_found",
 * "invalid", "offline", "rejected", "unauthorized", "store") or the
 * loopback adapter's "forbidden" (no or a wrong secret), or the
 * transport's own ("unreachable" when the core could not be asked at all,
 * "http_<status>", "invalid_response").
 */
export class RpcError extends Error implements ApiError {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "RpcError";
    this.code = code;
  }
}

function isApiError(value: unknown): value is ApiError {
  return typeof value === "object" && value !== null && typeof (value as ApiError).code === "string" && typeof (value as ApiError).message === "string";
}

/** Whatever a transport threw, as an RpcError. */
export function toRpcError(err: unknown): RpcError {
  if (err instanceof RpcError) return err;
  if (isApiError(err)) return new RpcError(err.code, err.message);
  if (typeof err === "string") {
    // Tauri rejects with the command's error as serialized; a plain string
    // may itself be an ApiError as JSON.
    try {
      const parsed: unknown = JSON.parse(err);
      if (isApiError(parsed)) return new RpcError(parsed.code, parsed.message);
    } catch {
      // Not JSON: keep the text.
    }
    return new RpcError("unknown", err);
  }
  return new RpcError("unknown", err instanceof Error ? err.message : String(err));
}

export function tauriTransport(): Rpc {
  // Loaded on first use so the browser path never evaluates Tauri's module.
  const core = import("@tauri-apps/api/core");
  return async (request) => {
    const { invoke } = await core;
    try {
      return await invoke<WireResponse>("rpc", { request });
    } catch (err) {
      throw toRpcError(err);
    }
  };
}

/** The header and the `<meta name>` the loopback adapter (crates/doorstep-cli/src/ui_http.rs) uses for its per-run secret. */
export const SECRET_HEADER = "x-doorstep-secret";
export const SECRET_META = "doorstep-rpc-secret";

/** The secret the loopback adapter put in the page it served, if any. */
export function pageSecret(doc: Pick<Document, "querySelector"> | undefined = typeof document === "undefined" ? undefined : document): string | null {
  return doc?.querySelector<HTMLMetaElement>(`meta[name="${SECRET_META}"]`)?.content || null;
}

export function httpTransport(endpoint = "/rpc", fetchFn: typeof fetch = (...args) => fetch(...args), secret: string | null = pageSecret()): Rpc {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (secret) headers[SECRET_HEADER] = secret;
  return async (request) => {
    let res: globalThis.Response;
    try {
      res = await fetchFn(endpoint, { method: "POST", headers, body: JSON.stringify(request) });
    } catch (err) {
      throw new RpcError("unreachable", err instanceof Error ? err.message : String(err));
    }
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text === "" ? null : JSON.parse(text);
    } catch {
      if (res.ok) throw new RpcError("invalid_response", `not JSON: ${text.slice(0, 200)}`);
    }
    if (!res.ok) {
      if (isApiError(body)) throw new RpcError(body.code, body.message);
      throw new RpcError(`http_${res.status}`, text.slice(0, 200) || res.statusText);
    }
    return body as WireResponse;
  };
}

interface TauriWindow {
  __TAURI_INTERNALS__?: unknown;
}

/** Tauri when running inside the app shell, HTTP otherwise. */
export function chooseTransport(win: TauriWindow | undefined = typeof window === "undefined" ? undefined : (window as TauriWindow)): Rpc {
  return win && win.__TAURI_INTERNALS__ ? tauriTransport() : httpTransport();
}

let current: Rpc | undefined;

/** Sends one request through the transport chosen at first use. */
export function rpc(request: WireRequest): Promise<WireResponse> {
  current ??= chooseTransport();
  return current(request);
}

/** For tests: route every request through `transport`. */
export function setTransport(transport: Rpc | undefined): void {
  current = transport;
}
