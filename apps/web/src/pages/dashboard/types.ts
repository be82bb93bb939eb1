/** @module pages/dashboard/types — the shape of GET /api/dashboard (OpenAPI: Dashboard). */
export type UnitLevel = "province" | "district" | "commune";

export interface UnitRef {
  id: number;
  name: string;
  level: UnitLevel;
}

export interface AgencyAt {
  id: number;
  name: string;
  unitId: number | null;
}

export const STATUSES = ["open", "in_progress", "done", "proposed", "cancelled"] as const;
export type TaskStatus = (typeof STATUSES)[number];

export interface Dashboard {
  unit: UnitRef | null;
  at: string;
  status: Record<TaskStatus, number> & { overdue: number; total: number };
  overdue: { total: number; agencies: { agency: AgencyAt; overdue: number; oldestDueAt: string }[] };
  completion: { weekStart: string; done: number }[];
  directives: { since: string; total: number; items: { id: string; code: string | null; subject: string | null; issuer: string | null; date: string | null; ingestedAt: string }[] };
  silent: { since: string; total: number; agencies: { agency: AgencyAt; silent: number; lead: number; lastReportAt: string | null }[] };
}

/** A unit of the catalogue (GET /api/units). */
export interface Unit {
  id: number;
  name: string;
  fullName: string;
  level: string;
  parentId: number | null;
}
