/**
 * PDF adapter on the real scanned provincial PDFs and on fabricated text / mixed PDFs.
 * OCR runs for real here (tesseract vie): a page takes about 1–3 s on 2 cores.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractBuffer, extractFile } from "../index.js";
import { docxToPdf, flat, hasCommand, haveRealDocs, realDoc, renderPagePng, sampleDocx } from "../__tests__/sample-doc.js";

const P045 = realDoc("045_ubnd-qngai-ct07-2018-thi-hanh-an.pdf");
const P049 = realDoc("049_ubnd-qngai-574-ubnd-kth.pdf");
const soffice = await hasCommand("soffice");
let cacheDir = "";

beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), "chidao-ocr-cache-"));
});
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

describe.skipIf(!haveRealDocs)("scanned PDF with a digital-signature stamp (049)", () => {
  it("detects the image pages, OCRs them and parses the stamp", async () => {
    const r = await extractFile(P049, { cacheDir: null });
    expect(r.pages).toBe(2);
    expect(r.ocr).toMatchObject({ engine: "tesseract", pages: 2, dpi: 300, cached: false });
    expect(r.digitalSignature).toEqual({ signedBy: "Ủy ban nhân dân tỉnh Quảng Ngãi", organisation: "Tỉnh Quảng Ngãi", time: "2025-02-04T16:42:36+07:00" });
    const text = flat(r.text);
    expect(text).toContain("Kính gửi: Thường trực HĐND tỉnh");
    expect(text).toContain("Nơi nhận:");
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).not.toMatch(/Ký bởi|Thời gian ký|ttcbth/); // stamps are metadata, not text
    expect(r.text.split("\f")).toHaveLength(2);
    expect(r.warnings.map((w) => w.code)).toContain("OCR_USED");
  });

  it("with OCR off, warns that the scanned pages have no text", async () => {
    const r = await extractFile(P049, { ocr: "never" });
    expect(r.ocr).toBeNull();
    expect(r.text.replace(/\s/g, "")).toBe("");
    expect(r.warnings.find((w) => w.code === "PDF_IMAGE_PAGES_NOT_OCRED")?.en).toContain("1, 2");
  });

  it("serves the second run from the OCR cache, fast and identical", async () => {
    const first = await extractFile(P049, { cacheDir });
    const t0 = performance.now();
    const second = await extractFile(P049, { cacheDir });
    const ms = performance.now() - t0;
    expect(first.ocr?.cached).toBe(false);
    expect(second.ocr?.cached).toBe(true);
    expect(second.text).toBe(first.text);
    expect(ms).toBeLessThan(1000); // OCR of these pages takes seconds
  });
});

describe.skipIf(!haveRealDocs)("whole scanned document (045, 4 pages)", () => {
  it("finishes well under 60 s and keeps one form feed between pages", async () => {
    const t0 = performance.now();
    const r = await extractFile(P045, { cacheDir: null });
    expect(performance.now() - t0).toBeLessThan(60_000);
    expect(r.pages).toBe(4);
    expect(r.ocr?.pages).toBe(4);
    const pages = r.text.split("\f");
    expect(pages).toHaveLength(4);
    pages.forEach((p) => expect(p.trim().length).toBeGreaterThan(100));
    expect(pages[0]).toContain("CHỈ THỊ");
    expect(pages[0]).toContain("Về việc tăng cường công tác thi hành án hành chính");
    expect(r.digitalSignature?.time).toBe("2018-03-21T16:41:00+07:00");
  });
});

describe.skipIf(!soffice)("fabricated PDFs (LibreOffice)", () => {
  let textPdf: Uint8Array;
  beforeAll(async () => {
    textPdf = await docxToPdf(await sampleDocx());
  });

  it("mixed PDF: OCRs only the image page and puts its text in its place", async () => {
    const mixed = await mixedPdf(textPdf, await renderPagePng(textPdf, 200));
    const r = await extractBuffer(mixed, "mixed.pdf", { cacheDir: null });
    expect(r.pages).toBe(2);
    expect(r.ocr?.pages).toBe(1);
    const [page1 = "", page2 = ""] = r.text.split("\f").map(flat);
    expect(page1).toContain("1. Sở Y tế chủ trì giám sát");
    expect(r.warnings.find((w) => w.code === "OCR_USED")?.en).toMatch(/^Page\(s\) 2 /);
    for (const s of ["Kính gửi", "Nơi nhận", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nguyễn Thị Thu Hường"]) expect(page2).toContain(s);
  });

  it("ocr: always OCRs text pages too", async () => {
    const r = await extractBuffer(textPdf, "cv.pdf", { ocr: "always", cacheDir: null });
    expect(r.ocr?.pages).toBe(1);
    expect(flat(r.text)).toContain("Kính gửi");
  });
});

/** Page 1: the text PDF's page; page 2: the same page as a picture only, like a scan. */
async function mixedPdf(textPdf: Uint8Array, png: Uint8Array): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  const src = await PDFDocument.load(textPdf);
  const [copied] = await out.copyPages(src, [0]);
  if (copied) out.addPage(copied);
  const img = await out.embedPng(png);
  const page = out.addPage([595.28, 841.89]);
  page.drawImage(img, { x: 0, y: 0, width: 595.28, height: 841.89 });
  return out.save();
}
