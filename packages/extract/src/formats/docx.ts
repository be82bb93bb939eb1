/**
 * @module formats/docx
 * .docx through mammoth's HTML (not its raw text, which drops list numbers and table cells),
 * then the same HTML → text path as web pages, keeping Word tab stops as column breaks.
 */
import mammoth from "mammoth";
import { formatCorrupt } from "../errors.js";
import { htmlToText } from "../html/to-text.js";
import type { AdapterResult } from "../types.js";
import { fromHtmlString } from "./html.js";

// Images are irrelevant to the text; skipping them avoids base64-encoding every scan in the file.
const noImages = mammoth.images.imgElement(() => Promise.resolve({ src: "" }));

export async function extractDocx(bytes: Uint8Array, file: string): Promise<AdapterResult> {
  let html: string;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    // Empty paragraphs are kept: they are the vertical spacing (e.g. room for the signature).
    html = (await mammoth.convertToHtml({ buffer }, { convertImage: noImages, ignoreEmptyParagraphs: false })).value;
  } catch (e) {
    throw formatCorrupt(file, "docx", e instanceof Error ? e.message.slice(0, 200) : undefined);
  }
  return fromHtmlString(htmlToText(html, { keepTabs: true }), "utf-8", false);
}
