/**
 * @module pages/inbox/api
 * What the inbox and the review view read and write: uploads with progress (XMLHttpRequest, since
 * fetch reports no upload progress), the document with its record and spans, its agency
 * mentions, its proposed tasks (each with its text, span and source path), the agency directory,
 * and the review actions. Query keys start with "inbox" so other pages' caches are not shared.
 */
import { useQueries, useQuery } from "@tanstack/react-query";
import { api, ApiError, query, type ErrorMessage } from "../../api/client.js";
import type { DocumentSummary, Named, Page, TaskItem } from "../../api/types.js";

export type { Deadline, DocumentSummary, TaskItem } from "../../api/types.js";
export { formatSize } from "../../api/format.js";

export interface Span {
  start: number;
  end: number;
}

export interface IngestResult {
  id: string;
  status: "created" | "existing" | "merged";
  sha256: string;
}


export interface RecordCitation {
  code: string;
  type: string | null;
  date: string | null;
  issuer: string | null;
  subject?: string | null;
  spans: Span[];
}

export interface RecordTask {
  ref: string;
  text: string;
  span: Span;
  deadlineText: string | null;
}

/** The part of the parse record the review view shows (core/document/record.ts). */
export interface DocumentRecord {
  system: "party" | "state" | null;
  issuer: { name: string; parent: string | null; span?: Span } | null;
  code: string | null;
  type: { code: string; name: string } | null;
  place: string | null;
  date: string | null;
  subject: string | null;
  urgency: string | null;
  secrecy: string | null;
  recipients: string[];
  distribution?: string[];
  signer: { name: string | null; title: string | null; authority: string[]; span?: Span };
  citations: RecordCitation[];
  tasks: RecordTask[];
  spans: Record<string, Span>;
  text: string;
}

export interface DocumentDetail extends DocumentSummary {
  parserVersion: string | null;
  ingestedAt: string;
  /** Bumped by each edit of the record; sent back in If-Match. */
  version: number;
  record: DocumentRecord | null;
  files: { sha256: string; fileName: string; mediaType: string; size: number }[];
  cites: (DocumentSummary & { span: Span | null })[];
  citedBy: DocumentSummary[];
}

export type MentionStatus = "resolved" | "ambiguous" | "unresolved";

export interface Mention {
  id: number;
  path: string;
  role: string;
  text: string;
  span: Span | null;
  status: MentionStatus;
  confidence: number;
  reason: string;
  reviewed: boolean;
  agencies: { id: number; name: string; fullName: string; kind: "resolved" | "candidate" }[];
}

export interface ReviewItem {
  mentionId: number;
  status: MentionStatus;
  text: string;
  path: string;
  role: string;
  document: { id: string; code: string | null; subject: string | null; issuer: string | null; date: string | null };
}



export interface TaskDetail extends TaskItem {
  text: string;
  deadlineText: string | null;
  reportTo: string | null;
  sourcePath: string | null;
  span: Span | null;
}

export interface Agency {
  id: number;
  unitId: number | null;
  level: string;
  kind: string;
  name: string;
  fullName: string;
}

export interface Unit {
  id: number;
  level: string;
  name: string;
  fullName: string;
  parentId: number | null;
}

export const keys = {
  document: (id: string) => ["inbox", "document", id] as const,
  summary: (id: string) => ["inbox", "summary", id] as const,
  mentions: (id: string) => ["inbox", "mentions", id] as const,
  tasks: (id: string) => ["inbox", "tasks", id] as const,
  task: (id: number) => ["inbox", "task", id] as const,
  recent: ["inbox", "recent"] as const,
  queue: ["inbox", "queue"] as const,
  proposed: ["inbox", "proposed"] as const,
};

export function useDocument(id: string) {
  return useQuery({ queryKey: keys.document(id), queryFn: () => api<DocumentDetail>(`/api/documents/${encodeURIComponent(id)}`) });
}

export function useMentions(id: string) {
  return useQuery({ queryKey: keys.mentions(id), queryFn: () => api<Mention[]>(`/api/documents/${encodeURIComponent(id)}/mentions`) });
}

/** The document's proposed tasks, each read in full (text, span, source path) for the review. */
export function useProposedTasks(documentId: string) {
  const list = useQuery({ queryKey: keys.tasks(documentId), queryFn: () => api<Page<TaskItem>>(`/api/tasks${query({ document: documentId, status: "proposed", limit: 500 })}`) });
  const items = list.data?.items ?? [];
  const details = useQueries({
    queries: items.map((item) => ({
      queryKey: [...keys.task(item.id), item.version] as const,
      queryFn: () => api<TaskDetail>(`/api/tasks/${item.id}`),
      staleTime: Infinity,
    })),
  });
  const tasks: TaskDetail[] = [];
  for (const [i, item] of items.entries()) {
    const detail = details[i]?.data;
    tasks.push(detail && detail.version === item.version ? { ...detail, ...item } : { ...item, text: "", deadlineText: null, reportTo: null, sourcePath: null, span: null });
  }
  tasks.sort((a, b) => (a.span?.start ?? Number.MAX_SAFE_INTEGER) - (b.span?.start ?? Number.MAX_SAFE_INTEGER) || a.id - b.id);
  return { list, tasks, loadingDetails: details.some((d) => d.isPending) };
}

export function useUnit(id: number | null) {
  return useQuery({ queryKey: ["inbox", "unit", id], queryFn: () => api<Unit>(`/api/units/${id}`), enabled: id !== null, staleTime: Infinity });
}

export function useUnitChildren(id: number | null) {
  return useQuery({ queryKey: ["inbox", "unit-children", id], queryFn: () => api<Unit[]>(`/api/units${query({ parent: id })}`), enabled: id !== null, staleTime: Infinity });
}

export function useAgency(id: number | null) {
  return useQuery({ queryKey: ["inbox", "agency", id], queryFn: () => api<Agency>(`/api/agencies/${id}`), enabled: id !== null, staleTime: Infinity });
}

export function useAgencySearch(q: string, unit: number | null, below: boolean, enabled: boolean) {
  return useQuery({
    queryKey: ["inbox", "agencies", unit, below, q],
    queryFn: ({ signal }) => api<Agency[]>(`/api/agencies${query({ q: q.trim(), unit, below: below ? "true" : undefined, limit: 30 })}`, { signal }),
    enabled,
    staleTime: 5 * 60_000,
    placeholderData: (previous) => previous,
  });
}

/**
 * Upload one file as multipart `file`, reporting bytes sent. The CSRF token comes from the
 * session (the same token api/client.ts sends); the server's error shape becomes an ApiError.
 */
export function uploadDocument(file: File, csrfToken: string | null, onProgress: (loaded: number, total: number) => void, signal?: AbortSignal): Promise<IngestResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/documents");
    xhr.withCredentials = true;
    xhr.setRequestHeader("accept", "application/json");
    if (csrfToken) xhr.setRequestHeader("x-csrf-token", csrfToken);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.upload.onload = () => onProgress(file.size, file.size);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) return resolve(body as IngestResult);
      const error = (body as { error?: { code?: string; message?: ErrorMessage; details?: Record<string, unknown> } } | null)?.error;
      reject(error?.message ? new ApiError(xhr.status, error.code ?? "ERROR", error.message, error.details) : new ApiError(xhr.status, "HTTP_" + xhr.status, { vi: `Máy chủ trả lời lỗi ${xhr.status}.`, en: `The server answered ${xhr.status}.` }));
    };
    xhr.onerror = () => reject(new ApiError(0, "NETWORK", { vi: "Không kết nối được máy chủ.", en: "Could not reach the server." }));
    xhr.onabort = () => reject(new DOMException("aborted", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort());
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
}

/** A date "YYYY-MM-DD" in the reader's language. */
export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "vi-VN", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }).format(date);
}

