// One bench case, run in a worker thread so a hung parser (a backtracking regex on a 10 MB
// input) is killed by the timeout instead of hanging the bench. Imports the built JS only.
import { parentPort, workerData } from "node:worker_threads";
import { ROOT } from "./inputs.mjs";

const core = await import(new URL("packages/core/dist/index.js", `file://${ROOT}`).href);
const extract = await import(new URL("packages/extract/dist/index.js", `file://${ROOT}`).href);
const NO_OCR = { ocr: "never", cacheDir: null };

/** Untimed warm-up before a rate is measured: long enough for V8 to optimise the hot paths. */
const WARM_UP_MS = 1000;

/** Length of one timing window. */
const WINDOW_MS = 500;

/**
 * Run `step` over the inputs round-robin for at least `seconds` after a warm-up, timed in windows
 * of WINDOW_MS. The rate reported is the median window's: the machine is shared, and a burst of
 * another tenant's work slows a window or two without saying anything about the parser; the
 * slowest and fastest windows and the plain mean over all of them are reported beside it.
 */
async function loop(inputs, seconds, step) {
  const sizes = inputs.map((i) => i.size);
  const warm = performance.now();
  for (let i = 0; performance.now() - warm < WARM_UP_MS; i++) await step(inputs[i % inputs.length]);
  const windows = [];
  let k = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    const start = performance.now();
    let docs = 0;
    let bytes = 0;
    let elapsed = 0;
    while (elapsed < WINDOW_MS) {
      const at = k++ % inputs.length;
      await step(inputs[at]);
      docs++;
      bytes += sizes[at];
      elapsed = performance.now() - start;
    }
    windows.push({ docsPerSec: docs / (elapsed / 1000), mbPerSec: bytes / 1048576 / (elapsed / 1000), docs });
  }
  const total = (performance.now() - t0) / 1000;
  const sorted = [...windows].sort((a, b) => a.docsPerSec - b.docsPerSec);
  const median = sorted[Math.floor(sorted.length / 2)];
  return {
    docs: windows.reduce((n, w) => n + w.docs, 0),
    seconds: total,
    windows: windows.length,
    docsPerSec: median.docsPerSec,
    mbPerSec: median.mbPerSec,
    slowest: sorted[0].docsPerSec,
    fastest: sorted[sorted.length - 1].docsPerSec,
    meanDocsPerSec: windows.reduce((n, w) => n + w.docs, 0) / total,
  };
}

const cases = {
  parseText: ({ docs, seconds }) =>
    loop(docs.map((d) => ({ ...d, size: Buffer.byteLength(d.text) })), seconds, (d) => core.parseDocument(d.text)),
  decodeParse: ({ docs, seconds }) =>
    loop(docs.map((d) => ({ ...d, size: d.bytes.length })), seconds, (d) => core.parseDocument(core.decodeBytes(d.bytes).text)),
  extractParseTxt: ({ docs, seconds }) =>
    loop(docs.map((d) => ({ ...d, size: d.bytes.length })), seconds, async (d) => core.parseDocument((await extract.extractBuffer(d.bytes, d.name, NO_OCR)).text)),
  extractParse: ({ files, fileName, seconds }) =>
    loop(files.map((f) => ({ ...f, size: f.bytes.length })), seconds, async (f) => core.parseDocument((await extract.extractBuffer(f.bytes, fileName, NO_OCR)).text)),
  parseOnce: ({ text }) => {
    const t0 = performance.now();
    const record = core.parseDocument(text);
    return { ms: performance.now() - t0, mb: Buffer.byteLength(text) / 1048576, tasks: record.tasks.length };
  },
};

try {
  parentPort.postMessage({ ok: true, result: await cases[workerData.case](workerData) });
} catch (e) {
  parentPort.postMessage({ ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
}
