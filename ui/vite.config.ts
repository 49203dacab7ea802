import { svelte } from "@sveltejs/vite-plugin-svelte";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import type { Plugin } from "vite";

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

export default defineConfig({
  plugins: [woff2Only(), svelte()],
  // Relative asset paths: the same build is served by Tauri's custom
  // protocol and by the loopback HTTP adapter.
  base: "./",
  server: {
    // UI strings live in locales/ at the repository root.
    fs: { allow: [repoRoot] },
    proxy: process.env.DOORSTEP_RPC ? { "/rpc": process.env.DOORSTEP_RPC } : undefined,
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
