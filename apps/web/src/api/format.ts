/**
 * @module api/format
 * Formatting the pages share.
 */

/** A file size in the reader's language: "1,5 MB" in Vietnamese, "1.5 MB" in English. */
export function formatSize(bytes: number, locale: string): string {
  const number = new Intl.NumberFormat(locale === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${number.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number.format(bytes / 1024)} KB`;
  return `${number.format(bytes / 1024 / 1024)} MB`;
}
