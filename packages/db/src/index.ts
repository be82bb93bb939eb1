/** @module @chidao/db — PostgreSQL adapter: PGlite or a server, one schema, migrations. */
export * from "./connect.js";
export * from "./lock.js";
export * from "./migrate.js";
export * as schema from "./schema/index.js";
export * from "./audit.js";
