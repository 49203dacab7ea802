// Talking to the loopback adapter (`doorstep device … ui`) from Node, the way
// the UI's HTTP transport does from the page: the adapter answers /rpc only
// with the per-run secret it puts in the index.html it serves, so read it
// from there (ui/src/api/transport.ts names the same meta and header).
const SECRET_META = "doorstep-rpc-secret";
const SECRET_HEADER = "x-doorstep-secret";

/** @type {Map<string, Promise<string>>} */
const secrets = new Map();

/**
 * The secret in the page the adapter at `base` serves (fetched once per base).
 * @param {string} base
 * @returns {Promise<string>}
 */
export async function adapterSecret(base) {
  if (!secrets.has(base)) {
    secrets.set(
      base,
      (async () => {
        const res = await fetch(`${base}/`);
        if (!res.ok) throw new Error(`${base}/: HTTP ${res.status}`);
        const html = await res.text();
        const secret = new RegExp(`<meta name="${SECRET_META}" content="([^"]+)"`).exec(html)?.[1];
        if (!secret) throw new Error(`${base}/ carries no ${SECRET_META} meta: is it a doorstep UI adapter?`);
        return secret;
      })().catch((err) => {
        secrets.delete(base);
        throw err;
      }),
    );
  }
  return /** @type {Promise<string>} */ (secrets.get(base));
}

/**
 * Asks the core directly, the way the UI's HTTP transport does.
 * @param {string} base
 * @param {{ cmd: string } & Record<string, unknown>} request
 * @returns {Promise<any>}
 */
export async function rpc(base, request) {
  let res;
  try {
    const secret = await adapterSecret(base);
    res = await fetch(`${base}/rpc`, {
      method: "POST",
      headers: { "content-type": "application/json", [SECRET_HEADER]: secret },
      body: JSON.stringify(request),
    });
  } catch (e) {
    const err = /** @type {Error & { cause?: Error }} */ (e);
    throw new Error(`${base}/rpc is unreachable: ${err.cause?.message ?? err.message}`);
  }
  const text = await res.text();
  if (!res.ok) throw new Error(`${request.cmd}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}
