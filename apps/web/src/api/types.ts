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

export interface Page<T> {
  items: T[];
  total: number;
}
