/**
 * Missing external tools give TOOL_MISSING with the exact install line. The tools are hidden by
 * pointing PATH at a folder that holds only the ones we keep. (Own file: the tesseract probe is
 * memoised per process, and these tests need a fresh one.)
 */
import { mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ChidaoError } from "@chidao/core";
import { afterEach, describe, expect, it } from "vitest";
import { extractFile, INSTALL_HINT } from "./index.js";
import { ocrPage } from "./pdf/ocr.js";
import { haveRealDocs, realDoc } from "./__tests__/sample-doc.js";

const P049 = realDoc("049_ubnd-qngai-574-ubnd-kth.pdf");
const savedPath = process.env.PATH;
const dirs: string[] = [];

afterEach(async () => {
  process.env.PATH = savedPath;
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function pathWith(tools: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "chidao-path-"));
  dirs.push(dir);
  for (const t of tools) await symlink(`/usr/bin/${t}`, join(dir, t));
  return dir;
}

async function failure(p: Promise<unknown>): Promise<ChidaoError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ChidaoError);
  return e as ChidaoError;
}

describe.skipIf(!haveRealDocs)("TOOL_MISSING", () => {
  it("names pdftotext and the apt-get line when poppler is absent", async () => {
    process.env.PATH = await pathWith([]);
    const e = await failure(extractFile(P049, { cacheDir: null }));
    expect(e.code).toBe("TOOL_MISSING");
    expect(e.en).toContain("pdftotext");
    expect(e.vi).toContain(INSTALL_HINT);
    expect(e.en).toContain("apt-get install poppler-utils tesseract-ocr tesseract-ocr-vie");
  });

  it("names tesseract when only OCR is missing", async () => {
    process.env.PATH = await pathWith(["pdftotext", "pdfimages", "pdftoppm"]);
    const e = await failure(extractFile(P049, { cacheDir: null }));
    expect(e.code).toBe("TOOL_MISSING");
    expect(e.en).toContain('"tesseract"');
  });

  it("names the language pack when the OCR language is not installed", async () => {
    const e = await failure(extractFile(P049, { cacheDir: null, ocrLanguage: "xyz" }));
    expect(e.code).toBe("TOOL_MISSING");
    expect(e.vi).toContain("tesseract-ocr-xyz");
  });

  it("scanned pages without OCR need no tesseract", async () => {
    process.env.PATH = await pathWith(["pdftotext", "pdfimages"]);
    const r = await extractFile(P049, { ocr: "never" });
    expect(r.digitalSignature?.signedBy).toBe("Ủy ban nhân dân tỉnh Quảng Ngãi");
  });
});

describe("OCR_FAILED", () => {
  it("when a page cannot be rendered", async () => {
    const tmp = await mkdtemp(join(tmpdir(), "chidao-ocrfail-"));
    dirs.push(tmp);
    const e = await failure(ocrPage({ pdfPath: join(tmp, "missing.pdf"), tmpDir: tmp, page: 3, language: "vie", file: "x.pdf" }));
    expect(e.code).toBe("OCR_FAILED");
    expect(e.en).toContain("page 3 of x.pdf");
  });
});
