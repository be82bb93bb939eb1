/**
 * @module summary
 * The readable Vietnamese summary of one DocumentRecord: every field with the source line(s) it
 * was read from, so a clerk can check the machine against the paper. Missing values say so
 * ("— (không tìm thấy)") instead of disappearing: an absent field is itself information.
 */
import type { Citation, DocumentRecord, Signer, Span, Task } from "@chidao/core";
import { truncate, viBytes, viDate, viNumber, wrap } from "./format.js";
import { LineIndex } from "./lines.js";

export const MISSING = "— (không tìm thấy)";
const LABEL_WIDTH = 22;
export const WIDTH = 100;
const TASK_TEXT_MAX = 220;

export interface Position {
  index: number;
  total: number;
}

/** Writes aligned "label : value   (dòng N)" lines. */
class Sheet {
  readonly out: string[] = [];
  constructor(private readonly lines: LineIndex) {}

  field(label: string, value: string | null, spans: ReadonlyArray<Span | undefined> = []): void {
    this.block(`  ${label.padEnd(LABEL_WIDTH)} : `, value ?? MISSING, value === null ? [] : spans);
  }

  item(indent: number, text: string, spans: ReadonlyArray<Span | undefined> = []): void {
    this.block(`${" ".repeat(indent)}• `, text, spans);
  }

  /** Wraps the value under itself and puts the line reference after its last line. */
  block(prefix: string, value: string, spans: ReadonlyArray<Span | undefined>): void {
    const where = this.lines.describe(spans);
    const pad = " ".repeat(prefix.length);
    const body = wrap(value, Math.max(30, WIDTH - prefix.length));
    if (body.length === 0) body.push("");
    body.forEach((l, i) => this.out.push((i === 0 ? prefix : pad) + l));
    if (where) this.out[this.out.length - 1] += `   ${where}`;
  }
}

export function renderSummary(record: DocumentRecord, at: Position): string {
  const lines = new LineIndex(record.text);
  const sheet = new Sheet(lines);
  sheet.out.push(...header(record, at, lines));
  metadata(sheet, record);
  list(sheet, "Kính gửi", record.recipients, listSpans(record, "recipients"));
  signer(sheet, record.signer, record.spans);
  list(sheet, "Nơi nhận", record.distribution, listSpans(record, "distribution"));
  citations(sheet, record.citations);
  tasks(sheet, record.tasks);
  warnings(sheet, record);
  return sheet.out.join("\n") + "\n\n";
}

function header(record: DocumentRecord, at: Position, lines: LineIndex): string[] {
  const title = `═══ [${at.index + 1}/${at.total}] ${record.source.file ?? "(không tên)"} `;
  return [title.padEnd(WIDTH, "═"), `    ${sourceFacts(record, lines)}`];
}

function sourceFacts(record: DocumentRecord, lines: LineIndex): string {
  const s = record.source;
  const lineCount = lines.lineOf(record.text.length);
  const facts = [s.format, s.encoding, s.pages ? `${s.pages} trang` : null, s.ocr ? "OCR" : null,
    s.bytes !== undefined ? viBytes(s.bytes) : null, `${viNumber(lineCount)} dòng`,
    s.digitalSignature ? `ký số: ${s.digitalSignature.signedBy ?? "?"}` : null];
  return facts.filter((f): f is string => Boolean(f)).join(" · ");
}

function metadata(sheet: Sheet, r: DocumentRecord): void {
  const sp = r.spans;
  sheet.field("Hệ thống", r.system === null ? null : r.system === "party" ? "Đảng" : "Nhà nước", [sp.system]);
  sheet.field("Cơ quan ban hành", issuerText(r), [r.issuer?.span ?? sp.issuer, r.issuer?.parentSpan]);
  sheet.field("Số, ký hiệu", r.code, [sp.code]);
  sheet.field("Loại", r.type ? `${r.type.code} — ${r.type.name}` : null, [sp.type]);
  sheet.field("Địa danh", r.place, [sp.place]);
  sheet.field("Ngày", r.date === null ? null : viDate(r.date), [sp.date]);
  sheet.field("Trích yếu", r.subject, [sp.subject]);
  sheet.field("Độ khẩn", r.urgency, [sp.urgency]);
  if (r.secrecy) sheet.field("Độ mật", r.secrecy, [sp.secrecy]);
}

function issuerText(r: DocumentRecord): string | null {
  if (!r.issuer) return null;
  return r.issuer.parent ? `${r.issuer.name} (thuộc ${r.issuer.parent})` : r.issuer.name;
}

/** Item spans under either key style the parser may use: "recipients[0]" or "recipients.0". */
function listSpans(r: DocumentRecord, key: "recipients" | "distribution"): Array<Span | undefined> {
  return r[key].map((_, i) => r.spans[`${key}[${i}]`] ?? r.spans[`${key}.${i}`]);
}

function list(sheet: Sheet, label: string, items: readonly string[], spans: Array<Span | undefined>): void {
  if (items.length === 0) return sheet.field(label, null);
  sheet.field(label, `${items.length} mục`);
  items.forEach((text, i) => sheet.item(LABEL_WIDTH + 5, text, [spans[i]]));
}

function signer(sheet: Sheet, s: Signer, spans: Record<string, Span>): void {
  if (!s.name && !s.title) return sheet.field("Người ký", null);
  const authority = s.authority.length ? ` [${s.authority.join(", ")}${s.onBehalfOf ? ` ${s.onBehalfOf}` : ""}]` : "";
  const text = [s.name ?? "(không rõ tên)", s.title].filter(Boolean).join(" — ") + authority;
  sheet.field("Người ký", text, [s.span ?? spans.signer]);
}

function citations(sheet: Sheet, cited: readonly Citation[]): void {
  if (cited.length === 0) return sheet.field("Văn bản được dẫn chiếu", null);
  sheet.field("Văn bản được dẫn chiếu", `${cited.length} văn bản`);
  for (const c of cited) {
    const text = [c.code, c.type, c.date ? viDate(c.date) : null, c.issuer].filter(Boolean).join(" · ");
    sheet.item(LABEL_WIDTH + 5, text, c.spans);
  }
}

function tasks(sheet: Sheet, all: readonly Task[]): void {
  if (all.length === 0) return sheet.field("Nhiệm vụ", null);
  sheet.field("Nhiệm vụ", `${all.length} nhiệm vụ`);
  for (const t of all) task(sheet, t);
}

function task(sheet: Sheet, t: Task): void {
  sheet.block(`    [${t.ref}] `, truncate(t.text, TASK_TEXT_MAX), [t.span]);
  const sub = (label: string, value: string | null): void =>
    sheet.block(`        ${label.padEnd(10)} : `, value ?? "—", []);
  sub("Chủ trì", joined(t.lead));
  sub("Phối hợp", joined(t.support));
  sub("Thời hạn", deadline(t));
  sub("Báo cáo về", joined(t.reportTo));
}

function joined(items: readonly string[]): string | null {
  return items.length ? items.join("; ") : null;
}

function deadline(t: Task): string | null {
  const words = t.deadlineText ? `“${t.deadlineText}”` : null;
  const when = t.deadline ? viDate(t.deadline) : null;
  const main = when && words ? `${when} (${words})` : when ?? (words ? `— (${words})` : null);
  return t.recurrence ? `${main ?? "—"}; định kỳ: ${t.recurrence}` : main;
}

function warnings(sheet: Sheet, r: DocumentRecord): void {
  if (r.warnings.length === 0) return sheet.field("Cảnh báo", "— (không có)");
  sheet.field("Cảnh báo", `${r.warnings.length} cảnh báo`);
  for (const w of r.warnings) sheet.item(LABEL_WIDTH + 5, w.path ? `${w.vi} [${w.path}]` : w.vi, [w.span]);
}
