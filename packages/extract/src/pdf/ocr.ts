/**
 * @module pdf/ocr
 * One page → text: pdftoppm renders it, tesseract reads it. Pages run in parallel with
 * OMP_THREAD_LIMIT=1, because tesseract's own threading gains little and fights the pool.
 *
 * 300 dpi greyscale PGM. Measured on the three real scans (045, 049, 052; 8 pages, 1 thread):
 * 200/250/300/400 dpi took 9.3/8.3/11.9/13.3 s in all; against the per-token consensus of the
 * four runs, 300 made the fewest errors (61 missing+extra tokens; 250: 66, 200: 91, 400: 96) and
 * it is the scans' native resolution. PGM instead of PNG: same text quality, but PNG compression
 * cost 1–2.5 s per page at 300 dpi versus 0.1–0.3 s for PGM.
 * -hide-annotations drops the signature stamps (already parsed from the text layer), which
 * tesseract would otherwise read as noise over the letterhead.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { ocrFailed, toolMissing } from "../errors.js";
import { firstLine, runTool, ToolFailure } from "../tools.js";

export const OCR_DPI = 300;

export interface OcrPageJob {
  pdfPath: string;
  tmpDir: string;
  page: number;
  language: string;
  file: string;
}

let probe: Promise<{ version: string; languages: Set<string> }> | null = null;

/** Tesseract's version (part of the cache key) and languages; fails fast with TOOL_MISSING. */
export async function probeTesseract(language: string): Promise<string> {
  probe ??= (async () => {
    const version = firstLine(await runTool("tesseract", ["--version"], { timeoutMs: 30_000 }));
    const langs = await runTool("tesseract", ["--list-langs"], { timeoutMs: 30_000 });
    return { version, languages: new Set(langs.split("\n").slice(1).map((l) => l.trim())) };
  })();
  const info = await probe.catch((e: unknown) => {
    probe = null; // do not remember a failure: the user may install tesseract and retry
    throw e instanceof ToolFailure ? toolMissing("tesseract") : e;
  });
  for (const lang of language.split("+")) if (!info.languages.has(lang)) throw toolMissing(`tesseract-ocr-${lang}`);
  return info.version;
}

export async function ocrPage(job: OcrPageJob): Promise<string> {
  const base = join(job.tmpDir, `page-${job.page}`);
  try {
    await render(job, base);
    const out = await runTool("tesseract", [`${base}.pgm`, "-", "-l", job.language, "--psm", "3"], {
      timeoutMs: 300_000,
      env: { OMP_THREAD_LIMIT: "1" },
    });
    return cleanOcrText(out);
  } catch (e) {
    throw e instanceof ToolFailure ? ocrFailed(job.file, job.page, e.message) : e;
  } finally {
    await rm(`${base}.pgm`, { force: true }); // ~9 MB per page: free it now, not at the end
  }
}

function render(job: OcrPageJob, base: string): Promise<string> {
  const page = String(job.page);
  const args = ["-r", String(OCR_DPI), "-gray", "-hide-annotations", "-f", page, "-l", page, "-singlefile", job.pdfPath, base];
  return runTool("pdftoppm", args, { timeoutMs: 120_000 });
}

/** NFC, no page-separator form feeds, no trailing spaces or blank edges. */
export function cleanOcrText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\f/g, "")
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .replace(/^\n+|\n+$/g, "");
}
