/**
 * @module reports/attachments
 * A report's attachments (minutes, spreadsheets, photos) stored as documents' originals are:
 * content-addressed in `files` by SHA-256, so the same file attached to ten reports is stored
 * once, and linked to the report under the name it was sent with.
 */
import { createHash } from "node:crypto";
import { ChidaoError } from "@chidao/core";
import { schema, type Db } from "@chidao/db";
import type { InputIssue } from "./errors.js";

const { files, reportAttachments } = schema;

export interface AttachmentInput {
  bytes: Uint8Array;
  fileName: string;
}

export interface AttachmentLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Most files on one report. */
  maxFiles: number;
}

/** Scans and spreadsheets of a progress report, not video: a directive's annexes fit well below. */
export const ATTACHMENT_LIMITS = { maxBytes: 25 * 1024 * 1024, maxFiles: 20 } as const satisfies AttachmentLimits;

/** An attachment checked and hashed, ready to store. */
export interface PreparedAttachment {
  sha256: string;
  fileName: string;
  size: number;
  mediaType: string;
  bytes: Uint8Array;
}

export interface AttachmentView {
  sha256: string;
  fileName: string;
  size: number;
  mediaType: string;
}

const MAX_NAME = 255;

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  txt: "text/plain",
  csv: "text/csv",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  zip: "application/zip",
  rar: "application/vnd.rar",
};

/** Problems with the names and the count, collected with the report's other fields. */
export function attachmentIssues(list: readonly AttachmentInput[], limits: AttachmentLimits = ATTACHMENT_LIMITS): InputIssue[] {
  const issues: InputIssue[] = [];
  if (list.length > limits.maxFiles) {
    issues.push({ path: "attachments", vi: `Tối đa ${limits.maxFiles} tệp đính kèm.`, en: `At most ${limits.maxFiles} attachments.` });
  }
  list.forEach((a, i) => {
    if (baseName(a.fileName) === "") issues.push({ path: `attachments[${i}].fileName`, vi: `Tệp đính kèm ${i + 1} chưa có tên.`, en: `Attachment ${i + 1} has no file name.` });
  });
  return issues;
}

/**
 * Hashes the files; an empty or oversized one is refused with the file codes (FILE_EMPTY,
 * FILE_TOO_LARGE) the rest of the product uses for uploads. The same bytes sent twice are kept
 * once, under the first name.
 */
export function prepareAttachments(list: readonly AttachmentInput[], limits: AttachmentLimits = ATTACHMENT_LIMITS): PreparedAttachment[] {
  const bySha = new Map<string, PreparedAttachment>();
  for (const a of list) {
    const fileName = baseName(a.fileName);
    if (a.bytes.length === 0) throw fileError("FILE_EMPTY", fileName, `Tệp đính kèm rỗng: ${fileName}`, `Attachment is empty: ${fileName}`);
    if (a.bytes.length > limits.maxBytes) {
      throw fileError("FILE_TOO_LARGE", fileName, `Tệp đính kèm quá lớn: ${fileName} (${a.bytes.length} byte, tối đa ${limits.maxBytes})`, `Attachment too large: ${fileName} (${a.bytes.length} bytes, at most ${limits.maxBytes})`);
    }
    const sha256 = createHash("sha256").update(a.bytes).digest("hex");
    if (!bySha.has(sha256)) bySha.set(sha256, { sha256, fileName, size: a.bytes.length, mediaType: mediaTypeOf(fileName), bytes: a.bytes });
  }
  return [...bySha.values()];
}

/** Stores the bytes once (a file already held is left as it is) and links them to the report. */
export async function storeAttachments(tx: Db, reportId: number, list: readonly PreparedAttachment[]): Promise<AttachmentView[]> {
  if (list.length === 0) return [];
  await tx
    .insert(files)
    .values(list.map((a) => ({ sha256: a.sha256, size: a.size, mediaType: a.mediaType, content: a.bytes })))
    .onConflictDoNothing();
  await tx.insert(reportAttachments).values(list.map((a) => ({ reportId, sha256: a.sha256, fileName: a.fileName })));
  return list.map(({ sha256, fileName, size, mediaType }) => ({ sha256, fileName, size, mediaType }));
}

/** The name without any folder a browser or a client put before it, trimmed and bounded. */
export function baseName(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop() ?? "";
  return last.trim().slice(0, MAX_NAME);
}

export function mediaTypeOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  const ext = dot < 0 ? "" : fileName.slice(dot + 1).toLowerCase();
  return MEDIA_TYPES[ext] ?? "application/octet-stream";
}

function fileError(code: "FILE_EMPTY" | "FILE_TOO_LARGE", file: string, vi: string, en: string): ChidaoError {
  return new ChidaoError({ code, vi, en, details: { file } });
}
