/**
 * @module pages/tasks/model
 * The task tracker's shapes as the API sends them (routes/work/schemas.ts, reports.ts,
 * assignments.ts), the requests the task pages make, and the formatting they share: dates as
 * dd/mm/yyyy in Vietnamese, days in Asia/Ho_Chi_Minh.
 */
import { api, query } from "../../api/client.js";
import type { Named, TaskItem, TaskStatus } from "../../api/types.js";

export type { Deadline, TaskItem, TaskStatus } from "../../api/types.js";
export const TASK_STATUSES = ["proposed", "open", "in_progress", "done", "cancelled"] as const satisfies readonly TaskStatus[];



export interface TaskPage {
  items: TaskItem[];
  total: number;
  limit: number;
  offset: number;
}

export interface Share {
  id: number;
  agency: Named;
  role: "lead" | "support";
  status: string;
  percent: number;
  reportedStatus: string;
  reportedPercent: number;
  dueAt: string | null;
  overdue: boolean;
  lastReportAt: string | null;
  version: number;
  subtasks: TaskItem[];
}

export interface TaskDetail extends TaskItem {
  text: string;
  deadlineText: string | null;
  reportTo: string | null;
  parentAssignmentId: number | null;
  confirmedAt: string | null;
  createdAt: string;
  updatedAt: string;
  document: { id: string; code: string | null; issuer: string | null; date: string | null; subject: string | null } | null;
  shares: Share[];
}

export interface OpenShare {
  id: number;
  role: "lead" | "support";
  status: "open" | "in_progress";
  percent: number;
  dueAt: string | null;
  overdue: boolean;
  version: number;
  task: { id: number; ref: string | null; title: string; status: string; percent: number; documentId: string | null; documentCode: string | null; parentId: number | null };
}

export interface OpenSharePage {
  agency: Named;
  items: OpenShare[];
  total: number;
  overdue: number;
  limit: number;
  offset: number;
}

export interface Attachment {
  sha256: string;
  fileName: string;
  size: number;
  mediaType: string;
}

export interface Report {
  id: number;
  taskId: number;
  assignmentId: number;
  agency: Named & { fullName: string };
  author: Named | null;
  results: string;
  difficulties: string;
  proposals: string;
  percent: number | null;
  createdAt: string;
  attachments: Attachment[];
}

/** The filters of GET /api/tasks (and of the spreadsheet export). */
export interface TaskFilters {
  status?: string;
  overdue?: boolean;
  agency?: number;
  unit?: number;
  document?: string;
  q?: string;
}

/** The most rows one request brings, and the most the office table holds. */
export const PAGE_SIZE = 200;
export const MAX_ROWS = 10_000;

export function filterQuery(f: TaskFilters, extra: Record<string, string | number | undefined> = {}): string {
  return query({ status: f.status, overdue: f.overdue ? "true" : undefined, agency: f.agency, unit: f.unit, document: f.document, q: f.q?.trim(), ...extra });
}

export function fetchTaskPage(f: TaskFilters, page: number, signal?: AbortSignal): Promise<TaskPage> {
  return api<TaskPage>(`/api/tasks${filterQuery(f, { limit: PAGE_SIZE, offset: page * PAGE_SIZE })}`, signal ? { signal } : {});
}

export const taskKeys = {
  all: ["tasks"] as const,
  list: (f: TaskFilters) => ["tasks", "list", f] as const,
  page: (f: TaskFilters, page: number) => ["tasks", "list", f, page] as const,
  detail: (id: number) => ["tasks", "detail", id] as const,
  reports: (id: number) => ["tasks", "reports", id] as const,
  mine: (agency: number, overdue: boolean) => ["tasks", "mine", agency, overdue] as const,
};

const ZONE = "Asia/Ho_Chi_Minh";
const formats = new Map<string, Intl.DateTimeFormat>();
function formatOf(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withTime}`;
  let f = formats.get(key);
  if (!f) {
    // Vietnamese: dd/mm/yyyy (en-GB writes exactly that); English: 24 Jul 2021.
    const options: Intl.DateTimeFormatOptions = locale === "en" ? { day: "numeric", month: "short", year: "numeric", timeZone: ZONE } : { day: "2-digit", month: "2-digit", year: "numeric", timeZone: ZONE };
    if (withTime) Object.assign(options, { hour: "2-digit", minute: "2-digit", hour12: false });
    f = new Intl.DateTimeFormat("en-GB", options);
    formats.set(key, f);
  }
  return f;
}

/** A day (dd/mm/yyyy in Vietnamese), in Asia/Ho_Chi_Minh. */
export function formatDay(iso: string | null | undefined, locale: string): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : formatOf(locale, false).format(date);
}

/** A moment: the day and the time. */
export function formatMoment(iso: string | null | undefined, locale: string): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : formatOf(locale, true).format(date);
}

/** Whole days from now until the moment (negative: past). */
export function daysUntil(iso: string, now = Date.now()): number {
  return Math.round((new Date(iso).getTime() - now) / 86_400_000);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
