// Every locales/<tag>/main.ftl against English: parses cleanly, has the same
// messages, attributes and variables, and English has every id the code uses.
// Translators get this check as soon as they add a folder.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { FluentParser, Junk, Message, Term, Visitor, VariableReference, type Resource } from "@fluent/syntax";
import { describe, expect, it } from "vitest";
import { createBundle } from "./fluent";
import { RESULT_MESSAGE } from "../lib/results";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const localesDir = join(root, "locales");
const srcDir = join(root, "ui", "src");

class Vars extends Visitor {
  names = new Set<string>();
  visitVariableReference(node: VariableReference) {
    this.names.add(node.id.name);
  }
}

interface Shape {
  junk: string[];
  messages: Map<string, { attributes: string[]; vars: string[] }>;
}

function shape(resource: Resource): Shape {
  const junk: string[] = [];
  const messages = new Map<string, { attributes: string[]; vars: string[] }>();
  for (const entry of resource.body) {
    if (entry instanceof Junk) junk.push(entry.content.slice(0, 80));
    if (entry instanceof Message || entry instanceof Term) {
      const v = new Vars();
      v.visit(entry);
      const id = entry instanceof Term ? `-${entry.id.name}` : entry.id.name;
      messages.set(id, { attributes: entry.attributes.map((a) => a.id.name).sort(), vars: [...v.names].sort() });
    }
  }
  return { junk, messages };
}

function read(tag: string): Shape {
  return shape(new FluentParser({ withSpans: false }).parse(readFileSync(join(localesDir, tag, "main.ftl"), "utf8")));
}

const tags = readdirSync(localesDir).filter((d) => existsSync(join(localesDir, d, "main.ftl")));
const en = read("en");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sourceFiles(p);
    return /\.(svelte|ts)$/.test(e.name) && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

describe("locales", () => {
  it("include English", () => {
    expect(tags).toContain("en");
  });

  it.each(tags)("%s parses without errors", (tag) => {
    const s = read(tag);
    expect(s.junk).toEqual([]);
    const { errors } = createBundle(tag, readFileSync(join(localesDir, tag, "main.ftl"), "utf8"));
    expect(errors).toEqual([]);
  });

  it.each(tags.filter((t) => t !== "en"))("%s has the same messages and variables as English", (tag) => {
    const other = read(tag);
    const missing = [...en.messages.keys()].filter((id) => !other.messages.has(id));
    const extra = [...other.messages.keys()].filter((id) => !en.messages.has(id));
    const differing = [...en.messages.entries()]
      .filter(([id]) => other.messages.has(id))
      .filter(([id, m]) => JSON.stringify(m) !== JSON.stringify(other.messages.get(id)))
      .map(([id, m]) => `${id}: en ${JSON.stringify(m)} vs ${JSON.stringify(other.messages.get(id))}`);
    expect({ missing, extra, differing }).toEqual({ missing: [], extra: [], differing: [] });
  });

  it("English has every message id the code asks for", () => {
    const used = new Map<string, string>();
    const patterns = [/\b(?:t|attr)\(\s*"([a-z0-9-]+)"/g, /"((?:result|sync-state|pairing-error|nav)-[a-z0-9-]+)"/g];
    for (const file of sourceFiles(srcDir)) {
      const text = readFileSync(file, "utf8");
      for (const re of patterns) for (const m of text.matchAll(re)) used.set(m[1], relative(root, file));
    }
    for (const id of Object.values(RESULT_MESSAGE)) used.set(id, "lib/results.ts");
    const missing = [...used.entries()].filter(([id]) => !en.messages.has(id)).map(([id, f]) => `${id} (${f})`);
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(100);
  });

  it("English has no message the code never uses", () => {
    const text = sourceFiles(srcDir)
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    const unused = [...en.messages.keys()].filter((id) => !text.includes(`"${id}"`));
    expect(unused).toEqual([]);
  });
});
