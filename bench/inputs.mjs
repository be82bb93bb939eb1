// Bench inputs: the five dev documents as text, and one DOCX and one PDF of them.
// DOCX/PDF come from fixtures/variants/*/doc.{docx,pdf} when the fixture build has made them;
// otherwise a DOCX is written in memory with `docx` and a PDF converted from it with soffice.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SHARED = process.env.CHIDAO_SHARED ?? join(ROOT, "..", "shared");
const DEV_DOCS = join(SHARED, "eval/dev/docs");

/** [{name, text, bytes}] of the dev set (falls back to samples/ when ../shared is absent). */
export function devDocs() {
  const dir = existsSync(DEV_DOCS) ? DEV_DOCS : join(ROOT, "samples");
  return readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((name) => {
    const bytes = readFileSync(join(dir, name));
    return { name, bytes: new Uint8Array(bytes), text: bytes.toString("utf8") };
  });
}

/** Fixture files fixtures/variants/<v>/<fileName>, or []. */
function fixtureFiles(fileName) {
  const dir = join(ROOT, "fixtures/variants");
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((v) => join(dir, v, fileName)).filter(existsSync).sort()
    .map((path) => ({ name: path.slice(ROOT.length), bytes: new Uint8Array(readFileSync(path)) }));
}

/** One DOCX per dev document: a paragraph per line, as a Word user types it. */
async function generatedDocx(docs) {
  const { Document, Packer, Paragraph, TextRun } = await import("docx");
  return Promise.all(docs.map(async (d) => {
    const paragraphs = d.text.split("\n").map((line) => new Paragraph({ children: [new TextRun({ text: line, font: "Times New Roman", size: 28 })] }));
    const buffer = await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
    return { name: `generated:${d.name.replace(/\.txt$/, ".docx")}`, bytes: new Uint8Array(buffer) };
  }));
}

export async function docxInputs(docs) {
  const found = fixtureFiles("doc.docx");
  return found.length ? { source: "fixtures", files: found } : { source: "generated with docx", files: await generatedDocx(docs) };
}

/** PDFs from fixtures, else soffice on the DOCX inputs; null (with the reason) when neither exists. */
export function pdfInputs(docxFiles) {
  const found = fixtureFiles("doc.pdf");
  if (found.length) return { source: "fixtures", files: found };
  if (!hasCommand("soffice")) return { source: "skipped: soffice not installed and no fixtures/variants/*/doc.pdf", files: [] };
  return { source: "generated with soffice", files: convertWithSoffice(docxFiles.slice(0, 2)) };
}

function convertWithSoffice(docxFiles) {
  const dir = mkdtempSync(join(tmpdir(), "chidao-bench-"));
  try {
    const paths = docxFiles.map((f, i) => {
      const p = join(dir, `doc${i}.docx`);
      writeFileSync(p, f.bytes);
      return p;
    });
    // A private profile: a user's running LibreOffice would otherwise swallow the conversion.
    execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, ...paths],
      { stdio: "ignore", timeout: 90_000 });
    return paths.map((p, i) => ({ name: `generated:doc${i}.pdf`, bytes: new Uint8Array(readFileSync(p.replace(/\.docx$/, ".pdf"))) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function hasCommand(cmd) {
  try {
    execFileSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Big inputs for the robustness timings. */
export function bigInputs(docs) {
  const all = docs.map((d) => d.text).join("\n\n");
  // Sizes in UTF-8 bytes, as a file on disk is measured (Vietnamese letters take 2–3 bytes).
  const repeatTo = (unit, n) => unit.repeat(Math.ceil(n / Buffer.byteLength(unit)));
  return {
    tenMB: repeatTo(all + "\n\n", 10 * 1024 * 1024),
    oneMBLine: repeatTo(all.replace(/\s*\n\s*/g, " ") + " ", 1024 * 1024),
  };
}
