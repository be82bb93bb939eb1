/**
 * Every text document of ../shared/corpus/real (and the labelled real and dev sets) goes through
 * the real pipeline, extractFile → parseDocument, without a throw and with one sound record each.
 * PDFs are left to the extraction suite (OCR is slow and needs tesseract).
 */
import { parseDocument } from "@chidao/core";
import { extractFile } from "@chidao/extract";
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { assertRecordShape, CORPUS, DEV_DOCS, REAL_DOCS, textFiles } from "./support.js";

const FILES = [...textFiles(CORPUS), ...textFiles(REAL_DOCS), ...textFiles(DEV_DOCS)];

describe.skipIf(FILES.length === 0)(`real text documents through extractFile + parseDocument (${FILES.length}; skipped if ../shared is absent)`, () => {
  it.each(FILES.map((f) => [basename(f), f]))("%s", async (_, file) => {
    const extracted = await extractFile(file, { ocr: "never", cacheDir: null });
    expect(extracted.text.length).toBeGreaterThan(0);
    const record = parseDocument(extracted.text, { source: { file, format: extracted.format } });
    assertRecordShape(record);
    expect(record.source.file).toBe(file);
  });

  it("yields one record per file", async () => {
    const records = await Promise.all(FILES.map(async (f) => parseDocument((await extractFile(f, { ocr: "never", cacheDir: null })).text)));
    expect(records).toHaveLength(FILES.length);
  });
});
