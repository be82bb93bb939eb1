/**
 * @module parser/parse
 * parseDocument: a directive's text in, its record out. Pure: no I/O. The text is normalized
 * first (extraction noise repaired); every value carries its span in that normalized text.
 */
import type { Issue, Span } from "../errors.js";
import type { DocumentRecord, DocumentType, SourceInfo } from "../document/record.js";
import { toSource, findAgencies, readAgencyList } from "../agencies/recognize.js";
import { normalizeText } from "../text/normalize.js";
import { parseCitations } from "./citations.js";
import { parseClosing } from "./closing.js";
import { parseHeader, type Header } from "./header.js";
import { toDoc, type Doc } from "./lines.js";
import { parseOutline } from "./outline.js";
import { parseRecipients } from "./recipients.js";
import { parseTasks } from "./tasks.js";
import { warningsFor } from "./warnings.js";
import { execAll, unitInHead } from "../text/scan.js";

export const PARSER_VERSION = "0.2.0";

export interface ParseOptions {
  source?: SourceInfo;
  /** Text longer than this is cut before parsing (a warning says so). Default 20 MB. */
  maxChars?: number;
}

export function parseDocument(rawText: string, options: ParseOptions = {}): DocumentRecord {
  const max = options.maxChars ?? 20_000_000;
  const extraWarnings: Issue[] = [];
  let raw = typeof rawText === "string" ? rawText : "";
  if (raw.length > max) {
    raw = raw.slice(0, max);
    extraWarnings.push({ code: "TEXT_TRUNCATED", vi: `Văn bản quá dài, chỉ đọc ${max} ký tự đầu.`, en: `Text too long; only the first ${max} characters were read.` });
  }
  const text = normalizeText(raw);
  const doc = toDoc(text);
  const src = toSource(text, doc.folded, doc.lower);
  const header = parseHeader(doc);
  const recipients = parseRecipients(doc, 0, Math.max(header.lastLine + 12, 40));
  const bodyStart = Math.max(header.lastLine, recipients.lastLine) + 1;
  const closing = parseClosing(doc, bodyStart);
  const outline = parseOutline(doc, bodyStart, closing.start);
  const stampDate = dateFromStamp(doc, header, options.source);
  const date = header.date?.value ?? stampDate;
  if (stampDate && !header.date?.value) extraWarnings.push({ code: "DATE_FROM_SIGNATURE", path: "date", vi: "Ngày ban hành lấy từ chữ ký số (ngày in trên văn bản không đọc được).", en: "Date of issue taken from the digital signature (the printed date is unreadable)." });
  const issuerName = header.issuer?.name ?? null;
  // Agencies first: the lists it reads are remembered on `src` for tasks and citations.
  const agencies = findAgencies(src, doc.lines[bodyStart]?.start ?? 0, doc.lines[closing.end - 1]?.end ?? text.length);
  const tasks = parseTasks({ doc, src, docDate: date, issuer: issuerName, recipients: recipients.items, bodyLines: { from: bodyStart, to: closing.start } }, outline);
  const citations = parseCitations(doc, src, { ownCode: header.code?.value ?? null, excluded: [...restatements(doc), ...codeLines(doc, header.lastLine)], ocr: options.source?.ocr === true });
  const record: DocumentRecord = {
    system: header.system,
    issuer: header.issuer ? { name: header.issuer.name, parent: header.issuer.parent, span: header.issuer.span, ...(header.issuer.parentSpan ? { parentSpan: header.issuer.parentSpan } : {}) } : attachedIssuer(doc, src, extraWarnings),
    code: header.code?.value ?? null,
    type: documentType(header),
    place: header.place?.value ?? null,
    date,
    subject: header.subject ? header.subject.value.replace(/\s*\((?:Ban hành )?[Kk]èm theo[^)]*\)\s*$/u, "") || null : null,
    urgency: header.urgency?.value ?? null,
    secrecy: header.secrecy?.value ?? null,
    recipients: recipients.items.map((r) => r.value),
    signer: closing.signer,
    distribution: closing.distribution.map((d) => d.value),
    citations,
    tasks,
    agencies,
    spans: spansOf(header, recipients.items, closing.distribution),
    warnings: [],
    source: options.source ?? {},
    parser: { name: "chidao", version: PARSER_VERSION },
    text,
  };
  record.warnings = [...extraWarnings, ...warningsFor(record)];
  return record;
}

function documentType(h: Header): DocumentType | null {
  const t = h.title?.value ?? h.codeType ?? (h.code || h.subject ? { code: "CV", name: "Công văn" } : null);
  if (!t) return null;
  if (t.code === "QĐ" && h.code && /-QĐi\//u.test(h.code.value)) return { code: "QĐi", name: "Quy định" };
  if (t.name === "Quy định" && h.system === "party") return { code: "QĐi", name: "Quy định" };
  if (t.name === "Quy định") return { code: "QyĐ", name: "Quy định" };
  return { code: t.code, name: t.name };
}

function spansOf(h: Header, recipients: { span: Span }[], distribution: { span: Span }[]): Record<string, Span> {
  const spans: Record<string, Span> = {};
  const put = (k: string, s: Span | undefined): void => {
    if (s) spans[k] = s;
  };
  put("issuer", h.issuer?.span);
  put("code", h.code?.span);
  put("type", h.title?.span ?? h.code?.span);
  put("place", h.place?.span);
  put("date", h.date?.span);
  put("subject", h.subject?.span);
  put("urgency", h.urgency?.span);
  put("secrecy", h.secrecy?.span);
  recipients.forEach((r, i) => put((RECIPIENT_KEYS[i] ??= `recipients[${i}]`), r.span));
  distribution.forEach((d, i) => put((DISTRIBUTION_KEYS[i] ??= `distribution[${i}]`), d.span));
  return spans;
}

/** Span keys made once: a fresh key string would be looked up in the string table on every store. */
const RECIPIENT_KEYS: string[] = [];
const DISTRIBUTION_KEYS: string[] = [];

/**
 * A scan's printed date is often unreadable (handwritten day); the digital-signature time of a
 * signed PDF stands in for it when the month and year that can be read agree with it.
 */
function dateFromStamp(doc: Doc, h: Header, source: SourceInfo | undefined): string | null {
  const time = source?.digitalSignature?.time;
  if (!time || h.date?.value) return null;
  const stamp = time.slice(0, 10);
  if (!h.date) return null;
  const written = doc.folded.slice(h.date.span.start, h.date.span.end + 20);
  const m = /thang\s*(\d{1,2})\s*[,.]?\s*nam\s*(\d{4})/.exec(written);
  return m && Number(m[1]) === Number(stamp.slice(5, 7)) && m[2] === stamp.slice(0, 4) ? stamp : null;
}

/**
 * A guidance or regulation sent as an attachment has no header of its own; the line
 * "(Ban hành kèm theo Công văn số … của Bộ Y tế)" names who issued it.
 */
function attachedIssuer(doc: Doc, src: ReturnType<typeof toSource>, warnings: Issue[]): DocumentRecord["issuer"] {
  const head = doc.folded.slice(0, doc.lines[Math.min(12, doc.lines.length - 1)]!.end);
  const m = /kem theo[^)\n]{0,160}?\scua\s+/.exec(head);
  if (!m) return null;
  const at = m.index + m[0].length;
  const first = readAgencyList(src, at, Math.min(doc.text.length, at + 120)).mentions[0];
  if (!first) return null;
  warnings.push({ code: "ISSUER_FROM_ATTACHMENT", path: "issuer", vi: "Cơ quan ban hành lấy từ dòng “kèm theo” (văn bản là phụ lục).", en: "Issuer taken from the “attached to” line (the document is an attachment).", span: first.span });
  return { name: first.text, parent: null, span: first.span };
}

const CODE_LINE = /^\W{0,3}(?:so|s6|\$6|\$o)\s*[:;.]?\s*[\d$#{l]/;

/** The header's own "Số: …" line restates the document's number, even when it is unreadable. */
function codeLines(doc: Doc, last: number): { start: number; end: number }[] {
  return doc.lines.slice(0, last + 1).filter((l) => isCodeLine(l.folded)).map((l) => ({ start: l.start, end: l.end }));
}

/** CODE_LINE, tried only when an "s" or "$" stands within the first four units (at most three \W before it). */
function isCodeLine(folded: string): boolean {
  return unitInHead(folded, 4, 115, 36) && CODE_LINE.test(folded);
}

/** "(Kèm theo Công văn số … ngày …)" restates the document itself: not a citation. */
const RESTATEMENT = /\((?:ban hanh )?kem theo[^)]{0,200}\)?/g;

function restatements(doc: Doc): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of execAll(RESTATEMENT, doc.folded)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}
