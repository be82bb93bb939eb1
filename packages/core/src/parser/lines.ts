/**
 * @module parser/lines
 * The normalized text as lines with offsets, each with its diacritic-folded twin (same length),
 * so patterns run on folded text and values are cut from the original at the same offsets.
 */
import type { Span } from "../errors.js";
import { foldAndLower } from "../text/fold.js";

export interface Line {
  index: number;
  start: number;
  end: number;
  text: string;
  folded: string;
  /** `cells(line)`, once asked for. */
  cellList: Cell[] | null;
}

export interface Cell {
  text: string;
  folded: string;
  start: number;
  end: number;
}

export interface Doc {
  text: string;
  folded: string;
  /** lowerChars(text), for the agency recognizer's Source (computed with `folded`). */
  lower: string;
  lines: Line[];
}

export function toDoc(text: string): Doc {
  const { folded, lower } = foldAndLower(text);
  const lines: Line[] = [];
  let start = 0;
  for (let index = 0; start <= text.length; index++) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    lines.push({ index, start, end, text: text.slice(start, end), folded: folded.slice(start, end), cellList: null });
    start = end + 1;
  }
  return { text, folded, lower, lines };
}

/** A trimmed value and its span, cut from `text` at [start, end). */
export function cut(doc: Doc, start: number, end: number): { value: string; span: Span } {
  while (start < end && /\s/.test(doc.text[start]!)) start++;
  while (end > start && /\s/.test(doc.text[end - 1]!)) end--;
  return { value: doc.text.slice(start, end), span: { start, end } };
}

/** The cells of a two-column line (split at tabs), with their offsets (computed once per line). */
export function cells(line: Line): Cell[] {
  if (line.cellList) return line.cellList;
  if (!line.text.includes("\t")) return (line.cellList = [{ text: line.text, folded: line.folded, start: line.start, end: line.end }]);
  const out: Cell[] = [];
  let from = 0;
  for (const part of line.text.split("\t")) {
    const start = line.start + from;
    out.push({ text: part, folded: line.folded.slice(from, from + part.length), start, end: start + part.length });
    from += part.length + 1;
  }
  line.cellList = out;
  return out;
}

export function isBlank(line: Line | undefined): boolean {
  return !line || line.text.trim() === "";
}
