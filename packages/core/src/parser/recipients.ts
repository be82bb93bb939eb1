/**
 * @module parser/recipients
 * "Kính gửi:" (Decree 30/2020 box 9a): one addressee inline, or a list of "-" lines.
 */
import type { Span } from "../errors.js";
import { collapseSpaces, startsLower } from "../text/fold.js";
import { cells, isBlank, type Doc } from "./lines.js";

export interface Recipients {
  items: { value: string; span: Span }[];
  /** Line of "Kính gửi" and the last line of the list; -1 when there is none. */
  line: number;
  lastLine: number;
}

const KINH_GUI = /^\s*[-–]?\s*k[ií]nh\s*g[ửu]i\s*[:;.]?\s*/iu;
const MARKER = /^\s*[-–—+•·*]\s*/u;

export function parseRecipients(doc: Doc, from: number, to: number): Recipients {
  for (let i = from; i < Math.min(to, doc.lines.length); i++) {
    for (const c of cells(doc.lines[i]!)) {
      const f = doc.folded.slice(c.start, c.end);
      const m = f.includes("kinh") ? /^\s*[-–]?\s*kinh\s*gui\s*[:;.]?\s*/.exec(f) : null;
      if (m && KINH_GUI.test(c.text)) return readList(doc, i, c.start + m[0].length, c.end);
      // A công điện names its addressees after "… điện:" ("CHỦ TỊCH UBND TỈNH điện:").
      if (f.endsWith(":") && /\sdien\s*:$/.test(f) && c.text.trim().length < 120) return readList(doc, i, c.end, c.end);
    }
  }
  return { items: [], line: -1, lastLine: -1 };
}

function readList(doc: Doc, line: number, restStart: number, restEnd: number): Recipients {
  const items: { value: string; span: Span }[] = [];
  const push = (start: number, end: number): void => {
    const raw = doc.text.slice(start, end);
    const lead = raw.length - raw.replace(MARKER, "").length;
    const value = clean(raw);
    if (value) items.push({ value, span: { start: start + lead, end: start + raw.trimEnd().length } });
  };
  const rest = doc.text.slice(restStart, restEnd).trim();
  if (rest && !MARKER.test(rest)) return { items: (push(restStart, restEnd), items), line, lastLine: line };
  if (rest) push(restStart, restEnd);
  let last = line;
  for (let i = line + 1; i < doc.lines.length; i++) {
    const l = doc.lines[i]!;
    if (isBlank(l)) {
      if (items.length && !MARKER.test(doc.lines[i + 1]?.text ?? "")) break;
      continue;
    }
    const text = l.text.split("\t")[0]!;
    if (MARKER.test(text)) push(l.start, l.start + text.length);
    else if (items.length && startsLower(text.trim())) {
      const prev = items[items.length - 1]!;
      prev.value = clean(`${prev.value} ${text}`);
      prev.span = { start: prev.span.start, end: l.start + text.trimEnd().length };
    } else break;
    last = i;
  }
  return { items, line, lastLine: last };
}

function clean(s: string): string {
  return collapseSpaces(s.replace(MARKER, "")).replace(/[\s,;.]+$/u, "").trim();
}
