/** @module warnings — non-fatal findings, collected in Extracted.warnings (never thrown). */
import type { Issue } from "@chidao/core";

export function encodingConverted(encoding: string): Issue {
  return {
    code: "ENCODING_CONVERTED",
    vi: `Văn bản dùng bảng mã cũ (${encoding}); đã chuyển sang Unicode.`,
    en: `The text used a legacy encoding (${encoding}); it was converted to Unicode.`,
  };
}

export function pdfPagesWithoutText(pages: number[]): Issue {
  return {
    code: "PDF_IMAGE_PAGES_NOT_OCRED",
    vi: `Trang ${pages.join(", ")} là ảnh quét không có lớp chữ và OCR đang tắt: nội dung các trang này bị thiếu.`,
    en: `Page(s) ${pages.join(", ")} are scanned images without a text layer and OCR is off: their content is missing.`,
  };
}

export function ocrUsed(pages: number[], dpi: number): Issue {
  return {
    code: "OCR_USED",
    vi: `Trang ${pages.join(", ")} được nhận dạng chữ bằng OCR (${dpi} dpi); có thể có lỗi nhận dạng.`,
    en: `Page(s) ${pages.join(", ")} were read by OCR (${dpi} dpi); recognition errors are possible.`,
  };
}

export function ocrCacheUnavailable(dir: string): Issue {
  return {
    code: "OCR_CACHE_UNAVAILABLE",
    vi: `Không ghi được bộ nhớ đệm OCR tại ${dir}; lần sau sẽ phải OCR lại.`,
    en: `Could not write the OCR cache at ${dir}; OCR will run again next time.`,
  };
}
