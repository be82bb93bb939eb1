/**
 * @module pdf/stamp
 * Signed PDFs from provincial portals carry digital-signature stamps (annotations) whose text
 * pdftotext extracts along with the page:
 *   Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi / Cơ quan: Tỉnh Quảng Ngãi / Thời gian ký: 04/02/2025 16:42:36
 * and the gazette publisher's stamp: TRUNG TÂM CÔNG BÁO VÀ TIN HỌC / ttcbth@… / 05.02.2025 08:09:28 +07:00.
 * We parse those facts into metadata and strip them from the text, so a scanned page is not
 * mistaken for a text page and the parser never reads a stamp as the document's header.
 */
import type { DigitalSignature } from "../types.js";

const SIGNER = /^(?:Ký bởi|Người ký)\s*:\s*(.+)$/iu;
const ORGANISATION = /^(?:Cơ quan|Đơn vị)\s*:\s*(.+)$/iu;
const SIGN_TIME = /^(?:Thời gian ký|Ngày ký)\s*:\s*(.+)$/iu;
const EMAIL_FIELD = /^E-?mail\s*:/iu;
const EMAIL = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/u;
const TIMESTAMP = /^\d{1,2}[./-]\d{1,2}[./-]\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[+-]\d{2}:?\d{2})?$/u;
const OFFSET = /^[+-]\d{2}:\d{2}$/u;
/** The signature fields, or the publisher's seconds-precision timestamp, mark a stamp. */
const ANCHOR = /(?:Ký bởi|Người ký|Thời gian ký|Ngày ký)\s*:|\b\d{2}\.\d{2}\.\d{4}\s+\d{2}:\d{2}:\d{2}\b/iu;
const PUBLISHER_WORDS = ["trung", "tâm", "công", "báo", "và", "tin", "học"];
/** Stamp blocks span a few lines; only segments this close to an anchor are stamp candidates. */
const ZONE = 6;

/** A column segment of a -layout line: text runs separated by two or more spaces. */
interface Segment {
  text: string;
  start: number;
}

function segments(line: string): Segment[] {
  return [...line.matchAll(/\S+(?: \S+)*/gu)].map((m) => ({ text: m[0], start: m.index ?? 0 }));
}

function isPublisherFragment(text: string): boolean {
  const words = text.toLowerCase().split(/\s+/u);
  if (words.length < 2) return false;
  const at = PUBLISHER_WORDS.indexOf(words[0] ?? "");
  return at >= 0 && words.every((w, i) => PUBLISHER_WORDS[at + i] === w);
}

function isStampSegment(text: string): boolean {
  return [SIGNER, ORGANISATION, SIGN_TIME, EMAIL_FIELD, EMAIL, TIMESTAMP, OFFSET].some((re) => re.test(text)) || isPublisherFragment(text);
}

/** Line indexes within ZONE lines of a stamp anchor. */
function stampZone(lines: string[]): Set<number> {
  const zone = new Set<number>();
  lines.forEach((line, i) => {
    if (!ANCHOR.test(line)) return;
    for (let k = Math.max(0, i - ZONE); k <= Math.min(lines.length - 1, i + ZONE); k++) zone.add(k);
  });
  return zone;
}

/** The page text without stamp segments; lines that held only stamp text disappear. */
export function stripStamps(page: string): string {
  const lines = page.split("\n");
  const zone = stampZone(lines);
  if (zone.size === 0) return page;
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (!zone.has(i)) return void out.push(line);
    let kept = line;
    for (const s of segments(line)) if (isStampSegment(s.text)) kept = blankOut(kept, s);
    if (kept.trim() !== "" || line.trim() === "") out.push(kept.trimEnd());
  });
  return out.join("\n");
}

// Replace by spaces, not delete, so the remaining -layout columns keep their positions.
function blankOut(line: string, s: Segment): string {
  return line.slice(0, s.start) + " ".repeat(s.text.length) + line.slice(s.start + s.text.length);
}

/** Signature facts from the pages' text layer: the signer's stamp first, else the publisher's. */
export function parseStamp(pages: string[]): DigitalSignature | null {
  for (const page of pages) {
    const sig = signerStamp(page);
    if (sig) return sig;
  }
  for (const page of pages) {
    const sig = publisherStamp(page);
    if (sig) return sig;
  }
  return null;
}

function zoneSegments(page: string): string[] {
  const lines = page.normalize("NFC").split("\n");
  const zone = stampZone(lines);
  return lines.flatMap((line, i) => (zone.has(i) ? segments(line).map((s) => s.text) : []));
}

function signerStamp(page: string): DigitalSignature | null {
  const segs = zoneSegments(page);
  const pick = (re: RegExp) => segs.map((s) => re.exec(s)?.[1]?.trim()).find((v) => v) ?? null;
  const signedBy = pick(SIGNER);
  const timeText = pick(SIGN_TIME);
  if (!signedBy && !timeText) return null;
  return { signedBy, organisation: pick(ORGANISATION), time: timeText ? parseStampTime(timeText) : null };
}

/** The gazette centre's stamp: its name (split over lines), then a timestamp whose "+07:00" may wrap. */
function publisherStamp(page: string): DigitalSignature | null {
  const segs = zoneSegments(page);
  const name = segs.filter(isPublisherFragment).join(" ");
  const at = segs.findIndex((s) => TIMESTAMP.test(s));
  if (!name || at < 0) return null;
  const next = segs[at + 1] ?? "";
  const stamp = OFFSET.test(next) ? `${segs[at]} ${next}` : (segs[at] ?? "");
  return { signedBy: name, organisation: null, time: parseStampTime(stamp) };
}

/** "04/02/2025 16:42:36" or "05.02.2025 08:09:28 +07:00" → ISO 8601; Vietnam time unless stated. */
export function parseStampTime(text: string): string | null {
  const m = /(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([+-])(\d{2}):?(\d{2}))?/u.exec(text);
  if (!m) return null;
  const [, d, mo, y, h, mi, s, sign, oh, om] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 23) return null;
  const p2 = (v: string | undefined) => (v ?? "0").padStart(2, "0");
  const offset = sign ? `${sign}${oh}:${om}` : "+07:00";
  return `${y}-${p2(mo)}-${p2(d)}T${p2(h)}:${mi}:${p2(s)}${offset}`;
}
