/**
 * @module parser/warnings
 * Where a value is missing or doubtful the record says so, in Vietnamese and English,
 * instead of guessing.
 */
import type { Issue } from "../errors.js";
import type { DocumentRecord } from "../document/record.js";

const FIELDS: readonly [keyof DocumentRecord | "signer.name", string, string][] = [
  ["issuer", "cơ quan ban hành", "issuer"],
  ["code", "số, ký hiệu", "number and symbol"],
  ["date", "ngày ban hành", "date of issue"],
  ["type", "loại văn bản", "document type"],
  ["subject", "trích yếu", "subject"],
  ["signer.name", "họ tên người ký", "signer's name"],
];

export function warningsFor(r: DocumentRecord): Issue[] {
  const out: Issue[] = [];
  for (const [field, vi, en] of FIELDS) {
    const value = field === "signer.name" ? r.signer.name : r[field];
    if (value === null || value === undefined) out.push({ code: "FIELD_MISSING", path: field, vi: `Không tìm thấy ${vi}.`, en: `No ${en} found.` });
  }
  if (r.spans["date"] && r.date === null) {
    out.push({ code: "DATE_UNREADABLE", path: "date", vi: "Ngày ban hành không đọc được (có thể do lỗi nhận dạng ký tự).", en: "The date of issue is unreadable (possibly OCR noise).", span: r.spans["date"] });
  }
  if (r.code && r.code.startsWith("/")) out.push({ code: "CODE_NUMBER_MISSING", path: "code", vi: "Thiếu số văn bản (số viết tay hoặc không đọc được).", en: "The document number is missing (handwritten or unreadable)." });
  for (const [i, t] of r.tasks.entries()) {
    if (!t.lead.length) out.push({ code: "TASK_NO_LEAD", path: `tasks[${i}].lead`, vi: `Nhiệm vụ ${t.ref} chưa xác định cơ quan chủ trì.`, en: `Task ${t.ref} has no lead agency.`, span: t.span });
  }
  return out;
}
