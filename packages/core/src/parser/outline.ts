/**
 * @module parser/outline
 * The numbered structure of a directive's body as a tree: Roman parts, "Điều N.", Arabic items,
 * "a)" points, bullets. A marker style's depth is learnt from the order styles first appear in
 * (as a reader does), "Điều" always opens the top level, and "Chương"/"Mục" headings only
 * separate. Unmarked paragraphs belong to the item above them.
 */
import type { Doc } from "./lines.js";

export type MarkerKind = "roman" | "dieu" | "arabic" | "letter" | "paren" | "bullet" | "plus";

export interface Item {
  kind: MarkerKind;
  label: string;
  /** Numbering path, outermost first: "II.3.b". */
  ref: string;
  /** Offsets of the item's own text (its marker line and unmarked paragraphs), children excluded. */
  start: number;
  end: number;
  /** Where the text after the marker begins. */
  textStart: number;
  children: Item[];
  parent: Item | null;
  /** Position among siblings, 1-based (bullets are labelled by it). */
  position: number;
}

interface Marker {
  kind: MarkerKind;
  label: string;
  length: number;
}

const ROMAN = /^([IVX]{1,5})\s*[.)/]\s+(?=\S)/u;
const DIEU = /^Điều\s+(\d{1,3})\s*[.:]\s*/u;
const ARABIC = /^(\d{1,2}(?:\.\d{1,2}){0,2})\s*(?:[.)]|\/(?!\d))\s*(?=\S)/u;
const ARABIC_BARE = /^(\d{1,2}(?:\.\d{1,2}){1,2})\s+(?=\p{Lu})/u;
const LETTER = /^([a-zđ])\s*\)\s*(?=\S)|^([a-zđ])\.\s+(?=\p{Lu})/u;
const PAREN = /^\(([ivx]{1,4}|\d{1,2}|[a-zđ])\)\s*(?=\S)/u;
const BULLET = /^[-–—•·●▪]\s*(?=[^\s\-–—_=*.])/u;
const RULE = /^[-–—_=*~.\s]{3,}$|^[*]$/u;
const PLUS = /^[+]\s*(?=\S)/u;
const HEADING = /^(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+[\dIVXLC]+\b/u;

/** HEADING on a trimmed line, tried only when it opens with C, M or P (as each heading word does). */
export function isHeading(trimmed: string): boolean {
  const c = trimmed.charCodeAt(0);
  return (c === 67 || c === 77 || c === 80) && HEADING.test(trimmed);
}

/**
 * RULE on a trimmed line, tried only when its first unit is one of "-–—_=*~." (after a trim it
 * cannot be the white space RULE's run also allows).
 */
export function isRule(trimmed: string): boolean {
  const c = trimmed.charCodeAt(0);
  return (c === 45 || c === 0x2013 || c === 0x2014 || c === 95 || c === 61 || c === 42 || c === 126 || c === 46) && RULE.test(trimmed);
}

export function markerOf(line: string): Marker | null {
  // Each pattern opens with its own characters (Đ; I V X; digits; a-z đ; "("; bullets; "+"), so
  // the first unit picks the one pattern that can match: the others would fail at their "^".
  const c = line.charCodeAt(0);
  if (c === 0x110) return dieuMarker(line);
  if (c === 73 || c === 86 || c === 88) return found("roman", ROMAN.exec(line));
  if (c >= 48 && c <= 57) return arabicMarker(line);
  if ((c >= 97 && c <= 122) || c === 0x111) return letterMarker(line);
  if (c === 40) return found("paren", PAREN.exec(line));
  if (c === 43) return unlabelled("plus", PLUS.exec(line));
  if (c === 45 || c === 0x2013 || c === 0x2014 || c === 0x2022 || c === 0xb7 || c === 0x25cf || c === 0x25aa) return unlabelled("bullet", BULLET.exec(line));
  return null;
}

function dieuMarker(line: string): Marker | null {
  return found("dieu", DIEU.exec(line));
}

function arabicMarker(line: string): Marker | null {
  const m = ARABIC.exec(line) ?? ARABIC_BARE.exec(line);
  if (!m) return null;
  const parts = m[1]!.split(".");
  return { kind: "arabic", label: parts[parts.length - 1]!, length: m[0].length };
}

function letterMarker(line: string): Marker | null {
  const m = LETTER.exec(line);
  return m ? { kind: "letter", label: m[1] ?? m[2]!, length: m[0].length } : null;
}

/** A marker labelled by the pattern's first group. */
function found(kind: MarkerKind, m: RegExpExecArray | null): Marker | null {
  return m ? { kind, label: m[1]!, length: m[0].length } : null;
}

/** A bullet or "+" marker (labelled later by position). */
function unlabelled(kind: MarkerKind, m: RegExpExecArray | null): Marker | null {
  return m ? { kind, label: "", length: m[0].length } : null;
}

/** Builds the item tree of lines [from, to); paragraphs before the first item are the preamble. */
export interface Outline {
  items: Item[];
  preamble: { start: number; end: number };
  /** Closing paragraphs after the last item ("Nhận được công văn này, yêu cầu …"). */
  closing: { start: number; end: number } | null;
}

const CLOSING_CUE = /^(?:nhan duoc|tren day|tran trong|thong bao (?:nay )?de|trong qua trinh|qua trinh thuc hien|yeu cau|de nghi|giao|.{0,70}?\s(?:de nghi|yeu cau|giao)\s)/;

export function parseOutline(doc: Doc, from: number, to: number): Outline {
  const roots: Item[] = [];
  const stack: Item[] = [];
  const styleOrder: MarkerKind[] = [];
  let preambleEnd = doc.lines[from]?.start ?? 0;
  const preambleStart = preambleEnd;
  let current: Item | null = null;
  let lastMarkerLine = -1;
  const cues: number[] = [];
  for (let i = from; i < to; i++) {
    const line = doc.lines[i]!;
    const text = line.text.includes("\t") ? line.text.replace(/\t/g, " ") : line.text;
    const trimmed = text.trim();
    if (trimmed === "") continue;
    if (isHeading(trimmed) || isRule(trimmed)) {
      current = null;
      continue;
    }
    const opening = text.trimStart();
    let marker = markerOf(opening);
    if (marker?.kind === "roman" && !romanFits(marker.label, roots, stack)) marker = null;
    if (!marker) {
      if (current && CLOSING_CUE.test(line.folded.trimStart())) cues.push(i);
      if (current) current.end = line.end;
      else if (!roots.length) preambleEnd = line.end;
      continue;
    }
    const depth = depthOf(marker.kind, styleOrder, stack);
    while (stack.length > depth) stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    const siblings = parent ? parent.children : roots;
    const position = siblings.length + 1;
    const label = marker.label || String(position);
    const item: Item = {
      kind: marker.kind,
      label,
      ref: parent ? `${parent.ref}.${label}` : label,
      start: line.start,
      end: line.end,
      textStart: line.start + (text.length - opening.length) + marker.length,
      children: [],
      parent,
      position,
    };
    siblings.push(item);
    stack.push(item);
    current = item;
    lastMarkerLine = i;
  }
  const cue = cues.find((c) => c > lastMarkerLine);
  const closing = cue === undefined ? null : { start: doc.lines[cue]!.start, end: doc.lines[to - 1]?.end ?? doc.text.length };
  if (closing) clip(roots, closing.start);
  return { items: roots, preamble: { start: preambleStart, end: preambleEnd }, closing };
}

function clip(items: Item[], at: number): void {
  for (const it of items) {
    if (it.end > at) it.end = Math.max(it.start, at - 1);
    clip(it.children, at);
  }
}


const ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];

/** A Roman numeral opens a part only as "I" or as the next one after the last part. */
function romanFits(label: string, roots: Item[], stack: Item[]): boolean {
  if (label === "I") return true;
  const last = [...stack].reverse().find((s) => s.kind === "roman") ?? [...roots].reverse().find((r) => r.kind === "roman");
  return last !== undefined && ROMANS.indexOf(label) === ROMANS.indexOf(last.label) + 1;
}

/** Depth of a marker style: where it already sits on the stack, else one below the top. */
function depthOf(kind: MarkerKind, order: MarkerKind[], stack: Item[]): number {
  if (kind === "dieu" || (kind === "roman" && !stack.some((s) => s.kind === "dieu"))) {
    if (!order.includes(kind)) order.unshift(kind);
    return stack.findIndex((s) => s.kind === kind) >= 0 ? stack.findIndex((s) => s.kind === kind) : 0;
  }
  const onStack = stack.findIndex((s) => s.kind === kind);
  if (onStack >= 0) return onStack;
  if (!order.includes(kind)) order.push(kind);
  const rank = order.indexOf(kind);
  let depth = stack.length;
  while (depth > 0 && order.indexOf(stack[depth - 1]!.kind) > rank) depth--;
  return depth;
}

/** All text of an item including its children's. */
export function fullEnd(item: Item): number {
  let end = item.end;
  for (const c of item.children) end = Math.max(end, fullEnd(c));
  return end;
}
