/**
 * @module api/types
 * The shapes the web app reads from the API (see /api/openapi.json). Only what the pages use.
 */
export type Role = "admin" | "office" | "agency_member" | "operator" | "viewer";

export interface Named {
  id: number;
  name: string;
}

export interface Account {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unit: Named | null;
  agency: Named | null;
  locale: "vi" | "en";
  disabled: boolean;
  version: number;
}

/** What a role may do (core/access/policy.ts), as the server reports it. */
export type Permission = "read" | "document.ingest" | "catalog.edit" | "task.manage" | "assignment.report" | "assignment.delegate" | "account.manage";

export interface Session {
  user: Account;
  permissions: Permission[];
  csrfToken: string | null;
  expiresAt: string | null;
}

export type TaskStatus = "proposed" | "open" | "in_progress" | "done" | "cancelled";

export type Deadline =
  | { kind: "fixed"; due: string; time?: string }
  | { kind: "recurring"; rule: Record<string, unknown>; text: string }
  | { kind: "none"; text?: string };

/** A task as lists answer it (routes/work/schemas.ts TaskItem). */
export interface TaskItem {
  id: number;
  ref: string | null;
  title: string;
  status: TaskStatus;
  percent: number;
  deadline: Deadline;
  dueAt: string | null;
  overdue: boolean;
  documentId: string | null;
  documentCode: string | null;
  unitId: number | null;
  parentId: number | null;
  lead: Named[];
  support: Named[];
  version: number;
}

/** A document as lists and citations name it. */
export interface DocumentSummary {
  id: string;
  status: "stored" | "placeholder";
  code: string | null;
  type: { code: string | null; name: string | null };
  date: string | null;
  issuer: string | null;
  subject: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
}
