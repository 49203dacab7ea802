import { svelte } from "@sveltejs/vite-plugin-svelte";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import type { Plugin } from "vite";
import { adapterSecret } from "./e2e/adapter.mjs";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

// Every webview Doorstep runs in reads WOFF2, so the WOFF fallbacks that
// @fontsource lists second would only double the bundle.
function woff2Only(): Plugin {
  return {
    name: "doorstep-woff2-only",
    enforce: "pre",
    transform(code, id) {
      if (!/@fontsource\/.+\.css$/.test(id)) return null;
      return { code: code.replace(/,\s*url\([^)]+\.woff\)\s*format\(['"]woff['"]\)/g, ""), map: null };
    },
  };
}

// `npm run dev` with DOORSTEP_RPC: the loopback adapter answers /rpc only with
// the per-run secret in the page it serves, so the page Vite serves gets the
// same secret, and proxied calls reach the adapter as its own (its Host, no
// Vite Origin).
const rpcTarget = process.env.DOORSTEP_RPC;
function adapterSecretMeta(target: string): Plugin {
  return {
    name: "doorstep-adapter-secret",
    apply: "serve",
    async transformIndexHtml() {
      return [{ tag: "meta", attrs: { name: "doorstep-rpc-secret", content: await adapterSecret(target) }, injectTo: "head" }];
    },
  };
}

export default defineConfig({
  plugins: [woff2Only(), svelte(), ...(rpcTarget ? [adapterSecretMeta(rpcTarget)] : [])],
  // Relative asset paths: the same build is served by Tauri's custom
  // protocol and by the loopback HTTP adapter.
  base: "./",
  server: {
    // UI strings live in locales/ at the repository root.
    fs: { allow: [repoRoot] },
    proxy: rpcTarget
      ? { "/rpc": { target: rpcTarget, changeOrigin: true, configure: (proxy) => proxy.on("proxyReq", (req) => req.removeHeader("origin")) } }
      : undefined,
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Never inline fonts or images as data: URLs, so the CSP can stay at 'self'.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
