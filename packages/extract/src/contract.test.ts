/**
 * Contract suite: the same công văn through every adapter must give the same key lines with
 * correct (NFC) Vietnamese diacritics, the numbered items with their numbers, and the header.
 */
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { extractBuffer, type InputFormat } from "./index.js";
import {
  flat, hasCommand, ITEMS, KEY_LINES, docxToPdf, sampleDocx, sampleHtml, sampleMarkdown, sampleText,
} from "./__tests__/sample-doc.js";

interface Case {
  fileName: string;
  format: InputFormat;
  build: () => Promise<Uint8Array>;
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string, bom: boolean) => new Uint8Array([...(bom ? [0xff, 0xfe] : []), ...Buffer.from(s, "utf16le")]);
const soffice = await hasCommand("soffice");

const CASES: Record<string, Case> = {
  "txt UTF-8": { fileName: "cv.txt", format: "txt", build: async () => utf8(sampleText()) },
  "txt UTF-16LE with BOM": { fileName: "cv.txt", format: "txt", build: async () => utf16le(sampleText(), true) },
  "txt UTF-16LE without BOM": { fileName: "cv.txt", format: "txt", build: async () => utf16le(sampleText(), false) },
  "txt UTF-8, CRLF, decomposed (NFD)": { fileName: "cv.txt", format: "txt", build: async () => utf8(sampleText().normalize("NFD").replace(/\n/g, "\r\n")) },
  md: { fileName: "cv.md", format: "md", build: async () => utf8(sampleMarkdown()) },
  html: { fileName: "cv.html", format: "html", build: async () => utf8(sampleHtml()) },
  docx: { fileName: "cv.docx", format: "docx", build: sampleDocx },
  ...(soffice ? { "pdf (LibreOffice from the docx)": { fileName: "cv.pdf", format: "pdf" as const, build: async () => docxToPdf(await sampleDocx()) } } : {}),
};

const built = new Map<string, Uint8Array>();

beforeAll(async () => {
  for (const [name, c] of Object.entries(CASES)) built.set(name, await c.build());
});

describe.each(Object.keys(CASES))("adapter contract: %s", (name) => {
  const c = CASES[name] as Case;

  it("keeps the key lines with correct diacritics", async () => {
    const bytes = built.get(name) as Uint8Array;
    const r = await extractBuffer(bytes, c.fileName, { cacheDir: null });
    expect(r.format).toBe(c.format);
    expect(r.text).toBe(r.text.normalize("NFC"));
    expect(r.text).not.toMatch(/[\u0300-\u036f\r]/); // no loose combining marks, no CR
    const text = flat(r.text);
    for (const line of KEY_LINES) expect(text).toContain(line);
    ITEMS.forEach((item, i) => expect(text).toMatch(new RegExp(`^${i + 1}\\. ${item.slice(0, 25)}`, "m")));
    expect(r.bytes).toBe(bytes.length);
    expect(r.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
  });
});

describe("structure kept by the HTML path", () => {
  it.each(["html", "docx"])("%s: header table rows become TAB-joined lines", async (name) => {
    const c = CASES[name] as Case;
    const r = await extractBuffer(await c.build(), c.fileName);
    expect(r.text).toContain("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(r.text).toContain("Nơi nhận:\tKT. CHỦ TỊCH");
    expect(r.text).not.toContain("SCRIPT"); // script and <title> skipped
    expect(r.text).not.toContain("CV 123");
  });
});

describe.skipIf(!soffice)("pdf from LibreOffice", () => {
  it("is a text PDF: one page, no OCR, no signature", async () => {
    const r = await extractBuffer(built.get("pdf (LibreOffice from the docx)") as Uint8Array, "cv.pdf", { cacheDir: null });
    expect(r.pages).toBe(1);
    expect(r.ocr).toBeNull();
    expect(r.digitalSignature).toBeNull();
  });
});

if (!soffice) console.warn("contract: the PDF case is skipped because LibreOffice (soffice) is not installed");
