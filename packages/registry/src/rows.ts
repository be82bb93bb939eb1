/**
 * @module rows
 * The rows of a raw `db.execute`: both backends answer `{ rows }` (PGlite's Results, node-postgres's
 * QueryResult), but the shared Db type cannot say so.
 */
export function rowsOf<R>(result: unknown): R[] {
  const rows = (result as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) throw new TypeError("the database answered without rows");
  return rows as R[];
}
