/**
 * @module parser/table
 * Tables of assignments ("STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn"):
 * a header row names the columns; each following row with as many cells is one task.
 * Rows arrive as tab-separated cells (normalization turns "|" tables, DOCX and HTML tables
 * into tabs).
 */
import type { AgencyMention, Task } from "../document/record.js";
import { readAgencyList, type Source } from "../agencies/recognize.js";
import { findDeadline } from "./deadlines.js";
import { cells, type Doc } from "./lines.js";

interface Columns {
  ref: number;
  text: number;
  lead: number;
  support: number;
  deadline: number;
  width: number;
}

function columnsOf(folded: string[]): Columns | null {
  const find = (re: RegExp): number => folded.findIndex((c) => re.test(c));
  const lead = find(/chu tri|don vi thuc hien|co quan thuc hien|chiu trach nhiem/);
  if (lead < 0 || folded.length < 3) return null;
  return {
    ref: find(/^(?:stt|tt|so tt)$/),
    text: find(/noi dung|nhiem vu|cong viec/),
    lead,
    support: find(/phoi hop/),
    deadline: find(/thoi han|thoi gian|tien do/),
    width: folded.length,
  };
}

/** Tasks read from every assignment table in lines [from, to). */
export function tableTasks(doc: Doc, src: Source, from: number, to: number, docDate: string | null): Task[] {
  const tasks: Task[] = [];
  let cols: Columns | null = null;
  for (let i = from; i < to; i++) {
    const line = doc.lines[i]!;
    if (!line.text.includes("\t")) {
      cols = null;
      continue;
    }
    const cs = cells(line);
    if (!cols) {
      cols = columnsOf(cs.map((c) => c.folded.trim()));
      continue;
    }
    if (cs.length !== cols.width) {
      cols = null;
      continue;
    }
    tasks.push(rowTask(doc, src, cs, cols, tasks.length + 1, docDate));
  }
  return tasks;
}

function rowTask(doc: Doc, src: Source, cs: ReturnType<typeof cells>, cols: Columns, n: number, docDate: string | null): Task {
  const cell = (k: number) => (k >= 0 ? cs[k] : undefined);
  const agencies = (k: number): AgencyMention[] => {
    const c = cell(k);
    return c ? readAgencyList(src, c.start, c.end).mentions : [];
  };
  const lead = agencies(cols.lead);
  const support = agencies(cols.support);
  const due = cell(cols.deadline);
  const deadline = due ? findDeadline(due.folded, due.text, docDate) : null;
  const ref = cell(cols.ref)?.text.trim().replace(/[.)]$/, "") || String(n);
  const text = (cell(cols.text) ?? cs[0]!).text.trim();
  const first = cs[0]!;
  const last = cs[cs.length - 1]!;
  return {
    ref,
    text,
    lead: lead.map((m) => m.text),
    support: support.map((m) => m.text),
    deadline: deadline?.date ?? null,
    deadlineText: deadline?.text ?? (due ? due.text.trim() || null : null),
    recurrence: deadline?.recurrence ?? null,
    reportTo: [],
    span: { start: first.start, end: last.end },
    leadMentions: lead,
    supportMentions: support,
  };
}
