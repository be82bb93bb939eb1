/**
 * @module documents/edit
 * A reviewer's correction of a document's header fields (số/ký hiệu, type, date, issuer,
 * trích yếu, signer, place): the documents row's columns and the same fields of the stored
 * record change together, in one transaction, with an audit entry of before and after. The
 * search index follows by its trigger on documents. Optimistic concurrency: the edit names the
 * version it was made on; a stale one is refused (CONFLICT) instead of overwriting. The corrected
 * fields are also kept apart (documents.corrections) so that a reparse keeps them.
 */
import { and, eq, ne } from "drizzle-orm";
import { can, ChidaoError, codeKey, forbidden, nameKey, typeByCode, type Actor, type DocumentRecord } from "@chidao/core";
import { recordAudit, schema, type Db } from "@chidao/db";
import { requireDocumentVisible } from "../access.js";
import { notFound } from "./queries.js";

const { documents } = schema;

/** The fields a reviewer may correct; absent: unchanged. `signer` and `place` may be cleared (null). */
export interface DocumentPatch {
  code?: string;
  /** A type code: CT, CĐ, CV, TB, KL, QĐ, KH … */
  typeCode?: string;
  /** YYYY-MM-DD. */
  date?: string;
  issuer?: string;
  subject?: string;
  /** The signer's name. */
  signer?: string | null;
  place?: string | null;
}

export interface DocumentEdit {
  id: string;
  /** The version the edit was made on (the ETag's number). */
  expectedVersion: number;
  patch: DocumentPatch;
}

const FIELD_NAMES: Record<keyof DocumentPatch, { vi: string; en: string }> = {
  code: { vi: "Số, ký hiệu", en: "Number/symbol" },
  typeCode: { vi: "Loại văn bản", en: "Document type" },
  date: { vi: "Ngày ban hành", en: "Date" },
  issuer: { vi: "Cơ quan ban hành", en: "Issuer" },
  subject: { vi: "Trích yếu", en: "Subject" },
  signer: { vi: "Người ký", en: "Signer" },
  place: { vi: "Địa danh", en: "Place" },
};

const LIMITS: Record<keyof DocumentPatch, number> = { code: 100, typeCode: 10, date: 10, issuer: 300, subject: 2000, signer: 200, place: 200 };

/** The header fields as the audit log keeps them. */
type HeaderView = { code: string | null; type: string | null; date: string | null; issuer: string | null; subject: string | null; signer: string | null; place: string | null };

/**
 * Applies the patch. Refuses (NOT_FOUND) a document outside the actor's jurisdiction, (FORBIDDEN)
 * an actor who may neither ingest documents nor edit the catalogue, (INVALID_INPUT) a bad value,
 * naming the field, and (CONFLICT) a stale version or an edit that makes it another stored
 * document's twin (same issuer, number/symbol and date). Returns the new version.
 */
export async function editDocument(db: Db, edit: DocumentEdit, actor: Actor): Promise<{ version: number }> {
  await requireDocumentVisible(db, edit.id, actor.scope);
  if (!can(actor, "document.ingest") && !can(actor, "catalog.edit")) throw forbidden("document.edit");
  const patch = checkPatch(edit.patch);
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ status: documents.status, version: documents.version, record: documents.record, corrections: documents.corrections }).from(documents).where(eq(documents.id, edit.id)).for("update");
    if (!row) throw notFound("document", edit.id);
    if (row.version !== edit.expectedVersion) throw stale(edit.id, edit.expectedVersion);
    if (row.status !== "stored" || !row.record) {
      throw new ChidaoError({ code: "INVALID_INPUT", vi: "Văn bản này chưa được tiếp nhận (chỉ được trích dẫn), chưa có thông tin để sửa.", en: "This document has not been ingested (it is only cited); there is no record to edit.", details: { id: edit.id } });
    }
    const before = row.record as Omit<DocumentRecord, "text">;
    const after = applyPatch(before, patch);
    const issuerKey = after.issuer ? nameKey(after.issuer.name) : null;
    const key = after.code ? codeKey(after.code) : null;
    if (issuerKey && key && after.date) {
      const twins = await tx
        .select({ id: documents.id })
        .from(documents)
        .where(and(eq(documents.status, "stored"), eq(documents.issuerKey, issuerKey), eq(documents.codeKey, key), eq(documents.date, after.date), ne(documents.id, edit.id)))
        .limit(1);
      if (twins[0]) {
        throw new ChidaoError({
          code: "CONFLICT",
          vi: "Đã có văn bản khác cùng cơ quan ban hành, số, ký hiệu và ngày ban hành.",
          en: "Another document has the same issuer, number/symbol and date.",
          details: { id: twins[0].id, fields: [{ path: "body.code", vi: FIELD_NAMES.code.vi, en: FIELD_NAMES.code.en }] },
        });
      }
    }
    const version = row.version + 1;
    await tx
      .update(documents)
      .set({
        code: after.code,
        codeKey: key,
        typeCode: after.type?.code ?? null,
        typeName: after.type?.name ?? null,
        date: after.date,
        issuer: after.issuer?.name ?? null,
        issuerKey,
        subject: after.subject,
        record: after,
        corrections: { ...correctionsOf(row.corrections), ...patch },
        version,
        updatedAt: new Date(),
      })
      .where(and(eq(documents.id, edit.id), eq(documents.version, row.version)));
    const was = headerOf(before);
    const now = headerOf(after);
    const changed = (Object.keys(now) as (keyof HeaderView)[]).filter((k) => was[k] !== now[k]);
    await recordAudit(tx, actor, {
      action: "document.edit",
      objectType: "document",
      objectId: edit.id,
      before: { version: row.version, ...pick(was, changed) },
      after: { version, ...pick(now, changed) },
    });
    return { version };
  });
}

function checkPatch(patch: DocumentPatch): DocumentPatch {
  const out: DocumentPatch = {};
  const fields = Object.keys(FIELD_NAMES) as (keyof DocumentPatch)[];
  for (const field of fields) {
    const raw = patch[field];
    if (raw === undefined) continue;
    if (raw === null) {
      if (field !== "signer" && field !== "place") throw invalid(field, "không được để trống", "must not be empty");
      out[field] = null;
      continue;
    }
    const value = raw.normalize("NFC").replace(/\s+/gu, " ").trim();
    if (value.length > LIMITS[field]) throw invalid(field, `dài quá ${LIMITS[field]} ký tự`, `is longer than ${LIMITS[field]} characters`);
    if (!value) {
      if (field === "signer" || field === "place") out[field] = null;
      else throw invalid(field, "không được để trống", "must not be empty");
      continue;
    }
    if (field === "typeCode" && !typeByCode(value)) throw invalid(field, `không có loại văn bản viết tắt "${value}"`, `there is no document type "${value}"`);
    if (field === "date" && !isIsoDate(value)) throw invalid(field, "phải là một ngày có thật, dạng YYYY-MM-DD", "must be a real date, YYYY-MM-DD");
    if (field === "code" && !codeKey(value)) throw invalid(field, "không hợp lệ", "is not valid");
    if (field === "issuer" && !nameKey(value)) throw invalid(field, "không hợp lệ", "is not valid");
    out[field] = value;
  }
  if (Object.keys(out).length === 0) {
    throw new ChidaoError({ code: "INVALID_INPUT", vi: "Không có trường nào để sửa.", en: "Nothing to change: send at least one field.", details: { fields: [{ path: "body", vi: "cần ít nhất một trường", en: "at least one field" }] } });
  }
  return out;
}

/** The stored corrections as a patch: known fields only, each a string or null. */
export function correctionsOf(stored: unknown): DocumentPatch {
  const out: DocumentPatch = {};
  if (!stored || typeof stored !== "object") return out;
  for (const field of Object.keys(FIELD_NAMES) as (keyof DocumentPatch)[]) {
    const value = (stored as Record<string, unknown>)[field];
    if (value === null && (field === "signer" || field === "place")) out[field] = null;
    else if (typeof value === "string") (out as Record<string, string>)[field] = value;
  }
  return out;
}

/** The record with the patch's fields laid over it (a patch already checked). */
export function applyPatch<R extends Omit<DocumentRecord, "text">>(record: R, patch: DocumentPatch): R {
  const next = { ...record };
  if (patch.code !== undefined) next.code = patch.code;
  if (patch.typeCode !== undefined) {
    const type = typeByCode(patch.typeCode!)!;
    next.type = { code: type.code, name: type.name };
  }
  if (patch.date !== undefined) next.date = patch.date;
  // The parsed issuer's parent line ("TỈNH ỦY KHÁNH HÒA" above "BAN TUYÊN GIÁO") no longer holds for a corrected name.
  if (patch.issuer !== undefined && patch.issuer !== record.issuer?.name) next.issuer = { ...(record.issuer?.span ? { span: record.issuer.span } : {}), name: patch.issuer!, parent: null };
  if (patch.subject !== undefined) next.subject = patch.subject;
  if (patch.signer !== undefined) next.signer = { ...record.signer, name: patch.signer };
  if (patch.place !== undefined) next.place = patch.place;
  return next;
}

function headerOf(record: Omit<DocumentRecord, "text">): HeaderView {
  return { code: record.code, type: record.type?.code ?? null, date: record.date, issuer: record.issuer?.name ?? null, subject: record.subject, signer: record.signer?.name ?? null, place: record.place };
}

function pick(view: HeaderView, keys: (keyof HeaderView)[]): Partial<HeaderView> {
  return Object.fromEntries(keys.map((k) => [k, view[k]]));
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function invalid(field: keyof DocumentPatch, vi: string, en: string): ChidaoError {
  const name = FIELD_NAMES[field];
  return new ChidaoError({
    code: "INVALID_INPUT",
    vi: `${name.vi} ${vi}.`,
    en: `${name.en} ${en}.`,
    details: { fields: [{ path: `body.${field}`, vi: `${name.vi} ${vi}`, en: `${name.en} ${en}` }] },
  });
}

function stale(id: string, expected: number): ChidaoError {
  return new ChidaoError({
    code: "CONFLICT",
    vi: `Văn bản đã bị người khác sửa trước (văn bản ${id}); hãy tải lại rồi sửa lại.`,
    en: `Someone else changed this document (${id}) first; reload and edit again.`,
    details: { expectedVersion: expected },
  });
}
