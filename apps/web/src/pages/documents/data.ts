/**
 * @module pages/documents/data
 * What the document pages read from the API (see /api/openapi.json: SearchPage, DocumentDetail,
 * Cascade, TaskPage, DirectiveSummary) and the queries that read it.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, query } from "../../api/client.js";
import type { DocumentSummary, TaskItem } from "../../api/types.js";

export type { DocumentSummary, TaskItem, TaskStatus } from "../../api/types.js";
export { formatSize } from "../../api/format.js";


export interface Snippet {
  text: string;
  marks: { start: number; end: number }[];
}

export interface SearchHit extends DocumentSummary {
  rank: number;
  snippet: Snippet | null;
}

export interface SearchPage {
  items: SearchHit[];
  total: number;
  totalExact: boolean;
  sort: "relevance" | "date";
  limit: number;
  offset: number;
}

export interface SearchParams {
  q?: string;
  issuer?: string;
  type?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export interface FileInfo {
  sha256: string;
  fileName: string;
  mediaType: string;
  size: number;
}

/** The parse record's fields the page shows (core/document/record.ts). */
export interface DocumentRecord {
  place?: string | null;
  urgency?: string | null;
  secrecy?: string | null;
  recipients?: string[];
  signer?: { name: string | null; title: string | null; authority?: string[]; onBehalfOf?: string | null } | null;
  distribution?: string[];
  issuer?: { name: string; parent: string | null } | null;
}

export interface DocumentDetail extends DocumentSummary {
  parserVersion: string | null;
  ingestedAt: string;
  record: DocumentRecord | null;
  files: FileInfo[];
  cites: (DocumentSummary & { span: { start: number; end: number } | null })[];
  citedBy: DocumentSummary[];
}

export interface CascadeNode extends DocumentSummary {
  depth: number;
}

export interface Cascade {
  root: string;
  direction: "up" | "down";
  nodes: CascadeNode[];
  /** from: the citing document; to: the cited one. */
  edges: { from: string; to: string }[];
}



export interface TaskPage {
  items: TaskItem[];
  total: number;
}

export interface DirectiveSummary {
  totals: { tasks: number; shares: number; overdueShares: number; agencies: number; reported: number; silent: number };
  silent: { agency: { id: number; name: string; fullName?: string }; lead: boolean; taskIds: number[] }[];
}

export function useDocumentSearch(params: SearchParams) {
  return useQuery({
    queryKey: ["documents", "search", params],
    queryFn: ({ signal }) => api<SearchPage>(`/api/documents${query({ ...params })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDocument(id: string | undefined) {
  return useQuery({
    queryKey: ["documents", "one", id],
    queryFn: ({ signal }) => api<DocumentDetail>(`/api/documents/${encodeURIComponent(id!)}`, { signal }),
    enabled: !!id,
  });
}

/** Both halves of the cascade: what the document implements (up) and what implements it (down). */
export function useCascade(id: string | undefined) {
  return useQuery({
    queryKey: ["documents", "cascade", id],
    queryFn: async ({ signal }) => {
      const path = `/api/documents/${encodeURIComponent(id!)}/cascade`;
      const [up, down] = await Promise.all([api<Cascade>(`${path}?direction=up`, { signal }), api<Cascade>(`${path}?direction=down`, { signal })]);
      return { up, down };
    },
    enabled: !!id,
  });
}

export const TASKS_SHOWN = 200;

export function useDocumentTasks(id: string | undefined) {
  return useQuery({
    queryKey: ["documents", "tasks", id],
    queryFn: ({ signal }) => api<TaskPage>(`/api/tasks${query({ document: id, limit: TASKS_SHOWN })}`, { signal }),
    enabled: !!id,
  });
}

export function useDirectiveSummary(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ["documents", "summary", id],
    queryFn: ({ signal }) => api<DirectiveSummary>(`/api/documents/${encodeURIComponent(id!)}/summary`, { signal }),
    enabled: !!id && enabled,
  });
}

/** YYYY-MM-DD (or an ISO instant) as the reader writes dates: dd/mm/yyyy in Vietnamese. */
export function formatDate(value: string | null | undefined, locale: string): string {
  if (!value) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  if (value.length > 10) {
    // An instant: its calendar day in Vietnam.
    const day = new Date(value);
    if (!Number.isNaN(day.getTime())) {
      const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" }).format(day).split("-");
      return locale === "en" ? `${parts[2]} ${monthName(Number(parts[1]))} ${parts[0]}` : `${parts[2]}/${parts[1]}/${parts[0]}`;
    }
  }
  return locale === "en" ? `${d} ${monthName(Number(mo))} ${y}` : `${d}/${mo}/${y}`;
}

function monthName(month: number): string {
  return new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2000, month - 1, 1)));
}


/** A date the reader typed (d/m/yyyy, or YYYY-MM-DD) as YYYY-MM-DD; null when it is not a date. */
export function parseDate(text: string): string | null {
  const value = text.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
