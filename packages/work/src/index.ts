/** @module @chidao/work — tasks and their shares, delegation, reports, deadlines, reminders; accounts and access. */
export * from "./access/scope.js";
