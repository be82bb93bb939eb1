/**
 * @module schema
 * chidao's tables, one schema for PGlite and a PostgreSQL server. drizzle-kit generates the
 * migrations from these files (`npm run db:generate -w @chidao/db`); the extensions, the folding
 * function the generated columns use and the triggers are hand-written migrations.
 */
export * from "./registry.js";
export * from "./accounts.js";
export * from "./work.js";
export * from "./audit.js";
