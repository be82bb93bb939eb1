#!/usr/bin/env node
// Builds the checked-in test fixtures under fixtures/ (see fixtures/README.md).
//
//   node scripts/build-fixtures.mjs            build what is missing or out of date
//   node scripts/build-fixtures.mjs --force    rebuild everything
//
// Inputs: fixtures/specs/*.json (layout specs of the samples in samples/), the samples
// themselves, and fixtures/genre/*.txt (documents written for the fixtures).
// Outputs: fixtures/variants/<sample>/{doc.docx,doc.pdf,scan.pdf,nfd.txt,wrap60.txt,
// tcvn3.txt,vni.txt} and fixtures/genre/rendered/<name>.{docx,pdf}.
//
// DOCX, PDF and scan outputs are not byte-reproducible (docx and LibreOffice stamp the
// time), so the script records a hash of each output's inputs in fixtures/manifest.json
// and leaves an output alone while its inputs are unchanged. Running it twice changes
// nothing; running it on a fresh clone changes nothing either.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { renderDocx } from "./fixtures/docx-render.mjs";
import { makeScanPdf } from "./fixtures/scan.mjs";
import { checkVerbatim, loadSpec, specFromText } from "./fixtures/spec.mjs";
import { legacyBytes, rewrap, toNfd } from "./fixtures/text-variants.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const FIX = join(ROOT, "fixtures");
const MANIFEST = join(FIX, "manifest.json");
const CORE = pathToFileURL(join(ROOT, "packages/core/dist/index.js")).href;
const FORCE = process.argv.includes("--force");
const SIZE_BUDGET = 5 * 1024 * 1024;

const sha = (...parts) => createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 16);
const src = (f) => readFileSync(join(ROOT, "scripts/fixtures", f), "utf8");
const rel = (p) => relative(ROOT, p);

/** Fails early, with the package to install, when an external tool is missing. */
function requireTools() {
  const tools = {
    soffice: "LibreOffice (Debian: apt-get install libreoffice-writer)",
    pdftoppm: "poppler-utils (Debian: apt-get install poppler-utils)",
    pdftotext: "poppler-utils (Debian: apt-get install poppler-utils)",
  };
  const missing = Object.entries(tools).filter(([t]) => spawnSync(t, ["--version"], { stdio: "ignore" }).error?.code === "ENOENT");
  if (missing.length) {
    console.error("build-fixtures: missing tools:\n" + missing.map(([t, how]) => `  ${t}: install ${how}`).join("\n"));
    process.exit(2);
  }
}

/** The two kinds of documents: samples (spec + source text) and genre documents (.txt). */
function collectJobs() {
  const jobs = [];
  for (const f of readdirSync(join(FIX, "specs")).filter((f) => f.endsWith(".json")).sort()) {
    const spec = loadSpec(join(FIX, "specs", f));
    const source = readFileSync(join(ROOT, spec.source), "utf8");
    checkVerbatim(spec, source); // a spec that drifted from its sample is a bug, not a fixture
    const dir = join(FIX, "variants", spec.name);
    jobs.push({ kind: "sample", spec, source, docx: join(dir, "doc.docx"), pdf: join(dir, "doc.pdf"), scan: join(dir, "scan.pdf"), dir });
  }
  for (const f of readdirSync(join(FIX, "genre")).filter((f) => f.endsWith(".txt")).sort()) {
    const name = basename(f, ".txt");
    const spec = specFromText(name, readFileSync(join(FIX, "genre", f), "utf8"));
    // Renders go to genre/rendered/ so that genre/ holds only the .txt documents and the
    // scorer's --docs fixtures/genre picks the text, not a .docx of the same stem.
    const out = join(FIX, "genre", "rendered");
    jobs.push({ kind: "genre", spec, docx: join(out, `${name}.docx`), pdf: join(out, `${name}.pdf`) });
  }
  return jobs;
}

function loadManifest() {
  return existsSync(MANIFEST) ? JSON.parse(readFileSync(MANIFEST, "utf8")) : {};
}

/** True when `out` exists and was made from inputs hashing to `key`. */
function fresh(manifest, out, key) {
  return !FORCE && existsSync(out) && manifest[rel(out)] === key;
}

/** DOCX → PDF for many files in one LibreOffice start (a start costs seconds). A private
 *  profile directory lets parallel runs and a running desktop LibreOffice coexist. */
function docxToPdf(pairs) {
  if (!pairs.length) return;
  const work = mkdtempSync(join(tmpdir(), "chidao-fixtures-"));
  try {
    const inputs = pairs.map(([docx], k) => {
      const p = join(work, `d${String(k).padStart(3, "0")}.docx`);
      copyFileSync(docx, p);
      return p;
    });
    const r = spawnSync("soffice", [
      `-env:UserInstallation=${pathToFileURL(join(work, "profile")).href}`,
      "--headless", "--convert-to", "pdf", "--outdir", join(work, "out"), ...inputs,
    ], { encoding: "utf8", timeout: 300_000 });
    pairs.forEach(([docx, pdf], k) => {
      const out = join(work, "out", `d${String(k).padStart(3, "0")}.pdf`);
      if (!existsSync(out)) throw new Error(`soffice did not convert ${rel(docx)}:\n${r.stderr || r.stdout || r.error}`);
      renameSync(out, pdf);
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function pdfText(pdf) {
  const r = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pdftotext failed on ${rel(pdf)}: ${r.stderr}`);
  return r.stdout;
}

/** The text variants of a sample; returns the names of the ones that could not be made. */
async function writeTextVariants(job) {
  const skipped = [];
  writeFileSync(join(job.dir, "nfd.txt"), toNfd(job.source));
  writeFileSync(join(job.dir, "wrap60.txt"), rewrap(job.source, 60));
  for (const enc of ["tcvn3", "vni"]) {
    let bytes = null;
    try {
      bytes = await legacyBytes(job.source, enc, CORE);
    } catch (e) {
      if (e.code !== "ERR_MODULE_NOT_FOUND") throw e;
    }
    if (bytes) writeFileSync(join(job.dir, `${enc}.txt`), bytes);
    else skipped.push(enc);
  }
  return skipped;
}

async function main() {
  requireTools();
  const manifest = loadManifest();
  const jobs = collectJobs();
  const renderKey = sha(src("docx-render.mjs"));
  const scanKey = sha(src("scan.mjs"));

  // 1. DOCX from each spec.
  const toConvert = [];
  for (const job of jobs) {
    job.key = sha(JSON.stringify(job.spec), renderKey);
    mkdirSync(dirname(job.docx), { recursive: true });
    if (fresh(manifest, job.docx, job.key) && fresh(manifest, job.pdf, job.key)) continue;
    writeFileSync(job.docx, await renderDocx(job.spec));
    manifest[rel(job.docx)] = job.key;
    toConvert.push(job);
  }

  // 2. PDF through LibreOffice, then a sanity check that the text made it into the PDF.
  docxToPdf(toConvert.map((j) => [j.docx, j.pdf]));
  for (const job of toConvert) {
    const text = pdfText(job.pdf).normalize("NFC");
    if (!text.includes(job.spec.signature?.name ?? job.spec.number)) throw new Error(`${rel(job.pdf)}: rendered PDF lacks the signer's name`);
    manifest[rel(job.pdf)] = job.key;
  }

  // 3. Image-only scans of the samples; their text layer must be empty.
  for (const [k, job] of jobs.entries()) {
    if (job.kind !== "sample") continue;
    const key = sha(job.key, scanKey);
    if (fresh(manifest, job.scan, key)) continue;
    writeFileSync(job.scan, await makeScanPdf(job.pdf, k + 1));
    const leaked = pdfText(job.scan).replace(/\s+/g, "");
    if (leaked.length > 10) throw new Error(`${rel(job.scan)}: image-only PDF has a text layer (${leaked.slice(0, 40)}…)`);
    manifest[rel(job.scan)] = key;
  }

  // 4. Text variants of the samples (deterministic, so always rewritten).
  const skipped = new Set();
  for (const job of jobs.filter((j) => j.kind === "sample")) for (const s of await writeTextVariants(job)) skipped.add(s);

  // Only outputs that still exist are kept, so renamed or removed documents leave no trace.
  const current = new Set(jobs.flatMap((j) => [j.docx, j.pdf, j.scan].filter(Boolean).map(rel)));
  const kept = Object.entries(manifest).filter(([k]) => current.has(k)).sort();
  writeFileSync(MANIFEST, JSON.stringify(Object.fromEntries(kept), null, 1) + "\n");
  report(jobs, toConvert.length, skipped);
}

function dirSize(dir) {
  let n = 0;
  for (const f of readdirSync(dir, { withFileTypes: true })) n += f.isDirectory() ? dirSize(join(dir, f.name)) : statSync(join(dir, f.name)).size;
  return n;
}

function report(jobs, rendered, skipped) {
  const kb = (n) => `${(n / 1024).toFixed(0)} kB`;
  console.log(`build-fixtures: ${jobs.length} documents (${jobs.filter((j) => j.kind === "sample").length} samples, ${jobs.filter((j) => j.kind === "genre").length} genre), ${rendered} rendered this run`);
  for (const sub of ["specs", "variants", "genre"]) console.log(`  fixtures/${sub}: ${kb(dirSize(join(FIX, sub)))}`);
  const total = dirSize(FIX);
  console.log(`  fixtures total: ${kb(total)}`);
  if (total > SIZE_BUDGET) console.warn(`build-fixtures: WARNING fixtures exceed the ${kb(SIZE_BUDGET)} budget`);
  if (skipped.size) {
    console.warn(`build-fixtures: skipped ${[...skipped].join(", ")} variants: packages/core/dist does not export ${[...skipped].map((s) => (s === "tcvn3" ? "encodeTcvn3" : "encodeVni")).join(", ")} (run \`npx tsc -b\` once the encoders exist)`);
  }
}

main().catch((e) => {
  console.error("build-fixtures: " + (e.stack ?? e));
  process.exit(1);
});
