/**
 * @module detect
 * Which adapter reads a file. Content wins over the name (magic bytes first), because
 * downloaded documents are often misnamed (a .doc that is really HTML, a PDF saved as .bin).
 */
import { extname } from "node:path";
import type { InputFormat } from "./types.js";

const BY_EXTENSION: Record<string, InputFormat> = {
  ".txt": "txt", ".text": "txt",
  ".md": "md", ".markdown": "md",
  ".html": "html", ".htm": "html", ".xhtml": "html",
  ".docx": "docx",
  ".pdf": "pdf",
};

/** The file extensions chidao reads (a folder walk keeps only these). */
export const SUPPORTED_EXTENSIONS: ReadonlySet<string> = new Set(Object.keys(BY_EXTENSION));

// Optional XML prolog and comments, then a tag that only HTML starts with.
const HTML_START =
  /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|span|h[1-6]|section|article)[\s>/]/i;

export function detectFormat(bytes: Uint8Array, fileName: string): InputFormat | null {
  const ext = extname(fileName).toLowerCase();
  if (isPdf(bytes)) return "pdf";
  if (isZip(bytes)) return isDocxZip(bytes) || ext === ".docx" ? "docx" : null; // a broken .docx still goes to the docx adapter, which reports FORMAT_CORRUPT
  if (isOle(bytes) || isRtf(bytes)) return null;
  // Markdown may legitimately open with an HTML block (<div align="center">): trust .md.
  if (ext !== ".md" && ext !== ".markdown" && HTML_START.test(headText(bytes))) return "html";
  const byExt = BY_EXTENSION[ext];
  if (byExt) return byExt;
  return ext === "" && !bytes.subarray(0, 4096).includes(0) ? "txt" : null;
}

/** A reason for the FORMAT_UNSUPPORTED message when we recognise what the file is. */
export function describeUnsupported(bytes: Uint8Array, fileName: string): { vi: string; en: string } | undefined {
  const ext = extname(fileName).toLowerCase();
  if (isOle(bytes) || ext === ".doc")
    return { vi: "tệp Word 97-2003 .doc; hãy lưu lại thành .docx hoặc PDF", en: "a Word 97-2003 .doc file; save it as .docx or PDF" };
  if (isRtf(bytes)) return { vi: "tệp RTF; hãy lưu lại thành .docx", en: "an RTF file; save it as .docx" };
  if (isZip(bytes)) return { vi: "tệp nén ZIP không phải .docx", en: "a ZIP archive that is not a .docx" };
  return undefined;
}

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

// The PDF header may follow up to 1 KiB of junk (spec allowance, seen after e-mail gateways).
function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).includes("%PDF-");
}

function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
}

// The central directory names every entry, so the path shows up as plain ASCII in the bytes.
function isDocxZip(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes("word/document.xml");
}

function isOle(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
}

function isRtf(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66]); // "{\rtf"
}

/** The first bytes as text, good enough to see a leading tag in UTF-8, Latin-1 or UTF-16. */
function headText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 2048);
  const utf16 = head[0] === 0xff && head[1] === 0xfe ? "utf-16le" : head[0] === 0xfe && head[1] === 0xff ? "utf-16be" : null;
  const text = new TextDecoder(utf16 ?? "latin1").decode(head);
  return text.replace(/^(\ufeff|ï»¿)/, "").trimStart();
}
