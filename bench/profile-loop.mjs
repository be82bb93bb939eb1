// Tight loop of parseDocument over the dev documents, for `node --cpu-prof bench/profile-loop.mjs [seconds]`.
import { devDocs, ROOT } from "./inputs.mjs";
const { parseDocument } = await import(new URL("packages/core/dist/index.js", `file://${ROOT}`).href);
const docs = devDocs().map((d) => d.text);
const seconds = Number(process.argv[2] ?? 5);
let n = 0;
const t0 = performance.now();
while (performance.now() - t0 < seconds * 1000) parseDocument(docs[n++ % docs.length]);
console.log(`${n} docs, ${(n / ((performance.now() - t0) / 1000)).toFixed(0)} docs/s`);
