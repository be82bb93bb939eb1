// Reports the JavaScript the first screen loads (the entry chunk and its static imports, from
// Vite's manifest), gzipped, against the budget of 300 KB; fails the build above it.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const BUDGET_KB = 300;
const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));
const entry = Object.values(manifest).find((c) => c.isEntry);
const seen = new Set();
(function walk(chunk) {
  if (seen.has(chunk.file)) return;
  seen.add(chunk.file);
  for (const key of chunk.imports ?? []) walk(manifest[key]);
})(entry);
const gzipped = [...seen].reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0);
const lazy = Object.values(manifest).filter((c) => c.isDynamicEntry).length;
const kb = gzipped / 1024;
console.log(`web: main route JavaScript ${kb.toFixed(1)} KB gzipped (${seen.size} chunks; ${lazy} lazy page chunks); budget ${BUDGET_KB} KB`);
if (kb > BUDGET_KB) {
  console.error(`web: over the budget of ${BUDGET_KB} KB`);
  process.exit(1);
}
