/** @module @chidao/work — tasks and their shares, delegation, reports, deadlines, reminders; accounts and access. */
export * from "./access/scope.js";
export * from "./accounts/password.js";
export * from "./accounts/users.js";
export * from "./accounts/actor-of.js";
export * from "./accounts/sessions.js";
export * from "./accounts/tokens.js";
export * from "./accounts/first-admin.js";
