/**
 * @module errors
 * Every failure of this package is a ChidaoError with a Vietnamese and an English message.
 * The factories live here so the wording stays consistent and no raw tool output or stack
 * trace reaches the user (details carry only short, safe facts).
 */
import { ChidaoError } from "@chidao/core";

/** The one install line users need; quoted verbatim in TOOL_MISSING messages. */
export const INSTALL_HINT = "apt-get install poppler-utils tesseract-ocr tesseract-ocr-vie";

export const fileNotFound = (file: string): ChidaoError =>
  new ChidaoError({
    code: "FILE_NOT_FOUND",
    vi: `Không tìm thấy tệp: ${file}`,
    en: `File not found: ${file}`,
    details: { file },
  });

/** A short reason in both languages; tool output goes to details.cause, never into the message. */
export interface Reason {
  vi: string;
  en: string;
}

export const fileUnreadable = (file: string, reason: Reason, cause?: string): ChidaoError =>
  new ChidaoError({
    code: "FILE_UNREADABLE",
    vi: `Không đọc được tệp ${file}: ${reason.vi}.`,
    en: `Cannot read file ${file}: ${reason.en}.`,
    details: { file, ...(cause ? { cause } : {}) },
  });

export const fileEmpty = (file: string): ChidaoError =>
  new ChidaoError({ code: "FILE_EMPTY", vi: `Tệp rỗng: ${file}`, en: `File is empty: ${file}`, details: { file } });

export const fileTooLarge = (file: string, bytes: number, maxBytes: number): ChidaoError =>
  new ChidaoError({
    code: "FILE_TOO_LARGE",
    vi: `Tệp ${file} quá lớn (${mib(bytes)}); giới hạn là ${mib(maxBytes)}.`,
    en: `File ${file} is too large (${mib(bytes)}); the limit is ${mib(maxBytes)}.`,
    details: { file, bytes, maxBytes },
  });

export const fileBinary = (file: string): ChidaoError =>
  new ChidaoError({
    code: "FILE_BINARY",
    vi: `Tệp ${file} không phải văn bản thuần (có byte nhị phân); hãy kiểm tra lại định dạng tệp.`,
    en: `File ${file} is not plain text (it contains binary bytes); check the file format.`,
    details: { file },
  });

export const formatUnsupported = (file: string, what?: Reason): ChidaoError =>
  new ChidaoError({
    code: "FORMAT_UNSUPPORTED",
    vi: `Định dạng tệp ${file} chưa được hỗ trợ${what ? ` (${what.vi})` : ""}. Hỗ trợ: .txt, .md, .html, .docx, .pdf.`,
    en: `Unsupported file format for ${file}${what ? ` (${what.en})` : ""}. Supported: .txt, .md, .html, .docx, .pdf.`,
    details: { file },
  });

export const formatCorrupt = (file: string, format: string, cause?: string): ChidaoError =>
  new ChidaoError({
    code: "FORMAT_CORRUPT",
    vi: `Tệp ${format.toUpperCase()} ${file} bị hỏng hoặc không đúng định dạng, không đọc được nội dung.`,
    en: `The ${format.toUpperCase()} file ${file} is corrupt or not a valid ${format.toUpperCase()}; its content cannot be read.`,
    details: { file, format, ...(cause ? { cause } : {}) },
  });

export const toolMissing = (tool: string): ChidaoError =>
  new ChidaoError({
    code: "TOOL_MISSING",
    vi: `Thiếu công cụ "${tool}" để đọc PDF/nhận dạng chữ (OCR). Hãy cài đặt: ${INSTALL_HINT}`,
    en: `The "${tool}" tool needed to read PDF / run OCR is not installed. Install it with: ${INSTALL_HINT}`,
    details: { tool, install: INSTALL_HINT },
  });

export const ocrFailed = (file: string, page: number, cause: string): ChidaoError =>
  new ChidaoError({
    code: "OCR_FAILED",
    vi: `Nhận dạng chữ (OCR) thất bại ở trang ${page} của ${file}.`,
    en: `OCR failed on page ${page} of ${file}.`,
    details: { file, page, cause },
  });

function mib(n: number): string {
  return `${(n / 1048576).toFixed(n < 1048576 ? 3 : 1)} MiB`;
}
