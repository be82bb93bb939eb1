/**
 * @module pdf/images
 * Pixel area of the raster images on each page (pdfimages -list). A page with almost no text
 * but a page-sized image is a scan; a page with no text and no image is just blank, and OCR
 * would only waste seconds on it.
 */
import { runTool, ToolFailure } from "../tools.js";

/** Page number → total image pixels; null when pdfimages cannot tell (then trust the text test). */
export async function imageAreaByPage(pdfPath: string): Promise<Map<number, number> | null> {
  let listing: string;
  try {
    listing = await runTool("pdfimages", ["-list", pdfPath], { timeoutMs: 60_000 });
  } catch (e) {
    if (e instanceof ToolFailure) return null;
    throw e;
  }
  return parseImageList(listing);
}

/** Rows look like: "   1     0 image    2464  3508  rgb …"; masks (smask/mask) are not content. */
export function parseImageList(listing: string): Map<number, number> {
  const area = new Map<number, number>();
  for (const line of listing.split("\n")) {
    const m = /^\s*(\d+)\s+\d+\s+(image|stencil)\s+(\d+)\s+(\d+)\s/u.exec(line);
    if (!m) continue;
    const page = Number(m[1]);
    area.set(page, (area.get(page) ?? 0) + Number(m[3]) * Number(m[4]));
  }
  return area;
}
