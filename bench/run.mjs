// `npm run bench`: parser and extraction throughput, and the big-input timings, measured on the
// built JS (packages/*/dist). Prints a table, writes bench/results.json, exits 1 if a target fails.
// Every parser case runs in a worker with a time limit. Then the registry rows (bench/registry.mjs:
// hierarchy import, ingestion of generated documents, search latency on PGlite and on a private
// PostgreSQL server): CHIDAO_BENCH_SCALE=0.1 for a quick run, CHIDAO_BENCH_REGISTRY=0 to skip them;
// then the task tracker on a server with a million tasks (bench/work.mjs; CHIDAO_BENCH_WORK=0 skips it).
import { existsSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { bigInputs, devDocs, docxInputs, pdfInputs, ROOT } from "./inputs.mjs";

const TARGET_DOCS_PER_SEC = 2000;
const TARGET_BIG_MS = 2000;
const fmt = (n, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

function runCase(data, timeoutMs) {
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./worker.mjs", import.meta.url), { workerData: data });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ ok: false, error: `timed out after ${timeoutMs / 1000} s` });
    }, timeoutMs);
    worker.once("message", (m) => (clearTimeout(timer), void worker.terminate(), resolve(m)));
    worker.once("error", (e) => (clearTimeout(timer), resolve({ ok: false, error: String(e) })));
  });
}

const throughput = (r) => `${fmt(r.docsPerSec)} docs/s · ${fmt(r.mbPerSec, 1)} MB/s (median of ${r.windows} windows; ${fmt(r.slowest)}–${fmt(r.fastest)}, mean ${fmt(r.meanDocsPerSec)})`;

async function rate(id, label, input, data, target) {
  const r = await runCase(data, data.seconds * 1000 + 21_000); // + warm-up (1 s) and start-up
  if (!r.ok) return { id, label, input, result: `ERROR ${r.error}`, target: target ? `≥ ${fmt(target)} docs/s` : "", verdict: "FAIL" };
  const verdict = target ? (r.result.docsPerSec >= target ? "PASS" : "FAIL") : "info";
  return { id, label, input, result: throughput(r.result), target: target ? `≥ ${fmt(target)} docs/s` : "", verdict, raw: r.result };
}

async function bigParse(id, label, text) {
  const mb = (Buffer.byteLength(text) / 1048576).toFixed(1);
  const r = await runCase({ case: "parseOnce", text }, 20_000);
  if (!r.ok) return { id, label, input: `${mb} MB`, result: `ERROR ${r.error}`, target: `< ${fmt(TARGET_BIG_MS)} ms`, verdict: "FAIL" };
  const verdict = r.result.ms < TARGET_BIG_MS ? "PASS" : "FAIL";
  return { id, label, input: `${mb} MB`, result: `${fmt(r.result.ms)} ms`, target: `< ${fmt(TARGET_BIG_MS)} ms`, verdict, raw: r.result };
}

function skipped(id, label, why) {
  return { id, label, input: "—", result: why, target: "", verdict: "skip" };
}

function printTable(rows) {
  const cols = ["id", "label", "input", "result", "target", "verdict"];
  const head = { id: "", label: "measure", input: "input", result: "result", target: "target", verdict: "" };
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(...[head, ...rows].map((r) => String(r[c]).length))]));
  const line = (r) => cols.map((c) => String(r[c]).padEnd(width[c])).join("  ").trimEnd();
  console.log(line(head));
  console.log(cols.map((c) => "─".repeat(width[c])).join("  "));
  for (const r of rows) console.log(line(r));
}

async function main() {
  for (const pkg of ["core", "extract", "db", "registry"]) {
    if (!existsSync(join(ROOT, `packages/${pkg}/dist/index.js`))) {
      console.error(`bench: packages/${pkg}/dist is missing: run \`npm run build\` first`);
      process.exit(1);
    }
  }
  const started = performance.now();
  const docs = devDocs();
  const n = docs.length;
  console.log(`chidao bench · node ${process.version} · ${cpus()[0]?.model ?? "cpu"} · ${n} dev documents\n`);
  const rows = [];
  rows.push(await rate("a1", "parse text (1 core)", `${n} docs, 5 s`, { case: "parseText", docs, seconds: 5 }, TARGET_DOCS_PER_SEC));
  rows.push(await rate("a2", "decode bytes + parse", `${n} docs, 2 s`, { case: "decodeParse", docs, seconds: 2 }));
  rows.push(await rate("a3", "extractBuffer(.txt) + parse", `${n} docs, 2 s`, { case: "extractParseTxt", docs, seconds: 2 }));
  const docx = await docxInputs(docs);
  rows.push(await rate("b", "DOCX extract + parse", `${docx.files.length} ${docx.source}`, { case: "extractParse", files: docx.files, fileName: "doc.docx", seconds: 2 }));
  const pdf = pdfInputs(docx.files);
  rows.push(pdf.files.length
    ? await rate("c", "PDF text layer + parse", `${pdf.files.length} ${pdf.source}`, { case: "extractParse", files: pdf.files, fileName: "doc.pdf", seconds: 2 })
    : skipped("c", "PDF text layer + parse", pdf.source));
  const big = bigInputs(docs);
  rows.push(await bigParse("d1", "parse a 10 MB input", big.tenMB));
  rows.push(await bigParse("d2", "parse a 1 MB single line", big.oneMBLine));
  if (process.env.CHIDAO_BENCH_REGISTRY !== "0") {
    const { registryRows } = await import("./registry.mjs");
    rows.push(...(await registryRows()));
  }
  if (process.env.CHIDAO_BENCH_WORK !== "0") {
    const { workRows } = await import("./work.mjs");
    rows.push(...(await workRows()));
  }
  printTable(rows);
  const seconds = (performance.now() - started) / 1000;
  const failed = rows.filter((r) => r.verdict === "FAIL").length;
  console.log(`\n${failed ? `${failed} FAIL` : "all targets PASS"} · bench took ${seconds.toFixed(1)} s · results in bench/results.json`);
  const results = { date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model ?? null, seconds, rows };
  writeFileSync(join(ROOT, "bench/results.json"), JSON.stringify(results, null, 2) + "\n");
  process.exitCode = failed ? 1 : 0;
}

await main();
