// `node bench/stages.mjs`: time per parser stage, in µs per document, over the dev documents
// round-robin, running the steps of parseDocument (packages/core/src/parser/parse.ts) in its order
// on the built JS. A guide to where time goes, not a gate: `npm run bench` is the measure.
import { devDocs, ROOT } from "./inputs.mjs";

const dist = (path) => import(new URL(`packages/core/dist/${path}`, `file://${ROOT}`).href);
const { normalizeText } = await dist("text/normalize.js");
const { toDoc } = await dist("parser/lines.js");
const { toSource, findAgencies } = await dist("agencies/recognize.js");
const { parseHeader } = await dist("parser/header.js");
const { parseRecipients } = await dist("parser/recipients.js");
const { parseClosing } = await dist("parser/closing.js");
const { parseOutline } = await dist("parser/outline.js");
const { parseTasks } = await dist("parser/tasks.js");
const { parseCitations } = await dist("parser/citations.js");

const docs = devDocs().map((d) => d.text);
const spent = new Map();
const time = (stage, run) => {
  const t = performance.now();
  const result = run();
  spent.set(stage, (spent.get(stage) ?? 0) + performance.now() - t);
  return result;
};

function parse(raw) {
  const text = time("normalize", () => normalizeText(raw));
  const doc = time("toDoc", () => toDoc(text));
  const src = toSource(text, doc.folded, doc.lower);
  const header = time("header", () => parseHeader(doc));
  const recipients = time("recipients", () => parseRecipients(doc, 0, Math.max(header.lastLine + 12, 40)));
  const bodyStart = Math.max(header.lastLine, recipients.lastLine) + 1;
  const closing = time("closing", () => parseClosing(doc, bodyStart));
  const outline = time("outline", () => parseOutline(doc, bodyStart, closing.start));
  time("agencies", () => findAgencies(src, doc.lines[bodyStart]?.start ?? 0, doc.lines[closing.end - 1]?.end ?? text.length));
  const docDate = header.date?.value ?? null;
  time("tasks", () => parseTasks({ doc, src, docDate, issuer: header.issuer?.name ?? null, recipients: recipients.items, bodyLines: { from: bodyStart, to: closing.start } }, outline));
  time("citations", () => parseCitations(doc, src, { ownCode: header.code?.value ?? null, excluded: [] }));
}

const ROUNDS = 3000;
for (let i = 0; i < ROUNDS; i++) parse(docs[i % docs.length]); // warm-up
spent.clear();
for (let i = 0; i < ROUNDS; i++) parse(docs[i % docs.length]);
const total = [...spent.values()].reduce((a, b) => a + b, 0);
for (const [stage, ms] of spent) console.log(stage.padEnd(11), `${((ms * 1000) / ROUNDS).toFixed(1).padStart(6)} µs/doc`, `${((100 * ms) / total).toFixed(0).padStart(3)}%`);
console.log("total".padEnd(11), `${((total * 1000) / ROUNDS).toFixed(1).padStart(6)} µs/doc`);
