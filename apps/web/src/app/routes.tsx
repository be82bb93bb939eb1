/**
 * @module app/routes
 * The pages, each its own lazily loaded chunk, and who sees them in the navigation: an item is
 * shown when the account's role has its permission (the server enforces the same rules).
 */
import { lazy, type ComponentType, type LazyExoticComponent } from "react";
import type { Permission } from "../api/types.js";

export interface NavItem {
  path: string;
  /** i18n key of the label. */
  label: string;
  permission: Permission;
  /** Shown only to accounts of an agency (their own work), or only to others. */
  agency?: boolean;
}

export const NAV: NavItem[] = [
  { path: "/", label: "nav.dashboard", permission: "read", agency: false },
  { path: "/my-tasks", label: "nav.myTasks", permission: "assignment.report", agency: true },
  { path: "/inbox", label: "nav.inbox", permission: "document.ingest" },
  { path: "/documents", label: "nav.documents", permission: "read" },
  { path: "/tasks", label: "nav.tasks", permission: "read", agency: false },
  { path: "/directory", label: "nav.directory", permission: "read" },
];

type Page = LazyExoticComponent<ComponentType>;

export const pages = {
  dashboard: lazy(() => import("../pages/dashboard/DashboardPage.js")),
  inbox: lazy(() => import("../pages/inbox/InboxPage.js")),
  review: lazy(() => import("../pages/inbox/ReviewPage.js")),
  documents: lazy(() => import("../pages/documents/DocumentsPage.js")),
  document: lazy(() => import("../pages/documents/DocumentPage.js")),
  tasks: lazy(() => import("../pages/tasks/TasksPage.js")),
  myTasks: lazy(() => import("../pages/tasks/MyTasksPage.js")),
  task: lazy(() => import("../pages/tasks/TaskPage.js")),
  directory: lazy(() => import("../pages/directory/DirectoryPage.js")),
  unit: lazy(() => import("../pages/directory/UnitPage.js")),
  agency: lazy(() => import("../pages/directory/AgencyPage.js")),
} satisfies Record<string, Page>;
