// Behaviour snapshot for parser optimisations: parseDocument over every text input we have
// (plus a few derived variants that stress other paths), one JSON record per input.
//   node bench/snapshot.mjs write <dir>     write the records
//   node bench/snapshot.mjs compare <dir>   compare the current build against <dir>; exit 1 on any difference
// Runs the built JS (packages/core/dist): `npx tsc -b` first.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SHARED = join(ROOT, "..", "shared");
const { parseDocument } = await import(new URL("packages/core/dist/index.js", `file://${ROOT}`).href);

const isText = (f) => /\.(?:txt|md)$/i.test(f);
const filesIn = (dir, filter = isText) => (existsSync(dir) ? readdirSync(dir).filter((f) => filter(f) && statSync(join(dir, f)).isFile()).sort().map((f) => join(dir, f)) : []);

function inputs() {
  const paths = [
    ...filesIn(join(ROOT, "samples"), () => true),
    ...filesIn(join(ROOT, "fixtures/genre"), (f) => f.endsWith(".txt")),
    ...(existsSync(join(ROOT, "fixtures/variants")) ? readdirSync(join(ROOT, "fixtures/variants")).sort().flatMap((v) => filesIn(join(ROOT, "fixtures/variants", v), (f) => f.endsWith(".txt"))) : []),
    ...filesIn(join(SHARED, "eval/dev/docs"), () => true),
    ...filesIn(join(SHARED, "eval/real/docs")),
    ...filesIn(join(SHARED, "corpus/real")),
  ];
  const out = [];
  for (const p of paths) {
    const text = readFileSync(p, "utf8");
    const id = p.slice(p.startsWith(ROOT) ? ROOT.length : SHARED.length - "shared".length).replace(/[\/]/g, "__");
    out.push({ id, text });
    // Derived variants: other shapes of the same words reach other code paths.
    out.push({ id: `${id}.oneline`, text: text.replace(/\s*\n\s*/g, " ") });
    out.push({ id: `${id}.crlf`, text: text.replace(/\n/g, "\r\n") });
    out.push({ id: `${id}.upper`, text: text.toUpperCase() });
    out.push({ id: `${id}.lower`, text: text.toLowerCase() });
    out.push({ id: `${id}.nfd`, text: text.normalize("NFD") });
    out.push({ id: `${id}.double`, text: text + "\n\n" + text });
    for (const frac of [0.13, 0.37, 0.61, 0.89]) out.push({ id: `${id}.cut${frac}`, text: text.slice(0, Math.floor(text.length * frac)) });
    out.push({ id: `${id}.tail`, text: text.slice(Math.floor(text.length / 2)) });
  }
  return out;
}

const [mode, dir] = process.argv.slice(2);
if (!["write", "compare"].includes(mode) || !dir) {
  console.error("usage: node bench/snapshot.mjs write|compare <dir>");
  process.exit(2);
}
if (mode === "write") mkdirSync(dir, { recursive: true });
let n = 0;
const diffs = [];
for (const { id, text } of inputs()) {
  const json = JSON.stringify(parseDocument(text));
  const file = join(dir, `${id}.json`);
  n++;
  if (mode === "write") writeFileSync(file, json);
  else if (!existsSync(file)) diffs.push(`${id}: no baseline`);
  else if (readFileSync(file, "utf8") !== json) diffs.push(id);
}
if (mode === "write") console.log(`snapshot: wrote ${n} records to ${dir}`);
else {
  const extra = readdirSync(dir).filter((f) => f.endsWith(".json")).length - n;
  console.log(`snapshot: ${n} records, ${diffs.length} differ${extra ? `, ${extra} baseline records unused` : ""}`);
  for (const d of diffs.slice(0, 30)) console.log("  DIFF", d);
  if (diffs.length) process.exit(1);
}
