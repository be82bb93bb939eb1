/**
 * @module pdf/text-layer
 * The PDF's own text, page by page, from poppler's pdftotext: exact and fast for born-digital
 * files, and -layout keeps the two-column header and the indentation of numbered items.
 */
import { formatCorrupt, formatUnsupported } from "../errors.js";
import { firstLine, runTool, ToolFailure } from "../tools.js";

export async function readTextLayer(pdfPath: string, file: string): Promise<string[]> {
  let out: string;
  try {
    out = await runTool("pdftotext", ["-layout", "-enc", "UTF-8", pdfPath, "-"], { timeoutMs: 120_000 });
  } catch (e) {
    if (!(e instanceof ToolFailure)) throw e;
    if (/password/i.test(e.stderr))
      throw formatUnsupported(file, { vi: "PDF được bảo vệ bằng mật khẩu", en: "password-protected PDF" });
    throw formatCorrupt(file, "pdf", e.timedOut ? "pdftotext timed out" : firstLine(e.stderr));
  }
  // pdftotext ends every page with a form feed, so the last split part is empty.
  const pages = out.split("\f");
  if (pages[pages.length - 1] === "") pages.pop();
  return pages.map((p) => p.normalize("NFC"));
}

/** Letters only: digits, dots and dashes of a stray page number do not make a text page. */
export function countLetters(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}
