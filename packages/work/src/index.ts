/** @module @chidao/work — tasks and their shares, delegation, reports, deadlines, reminders; accounts and access. */
export * from "./access/scope.js";
export * from "./accounts/password.js";
export * from "./accounts/users.js";
export * from "./accounts/actor-of.js";
export * from "./accounts/sessions.js";
export * from "./accounts/tokens.js";
export * from "./accounts/first-admin.js";
export type { InputIssue } from "./reports/errors.js";
export { ATTACHMENT_LIMITS, type AttachmentInput, type AttachmentLimits, type AttachmentView } from "./reports/attachments.js";
export type { AgencyNames, ReportView } from "./reports/report-view.js";
export * from "./reports/file-report.js";
export * from "./reports/list-reports.js";
export * from "./reports/propose-upward.js";
export * from "./reports/directive-summary.js";
export * from "./reminders/sweep-reminders.js";
export * from "./reminders/list-reminders.js";
export * from "./reminders/mark-reminders-read.js";
