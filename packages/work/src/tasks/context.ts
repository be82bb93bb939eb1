/**
 * @module tasks/context
 * What every task use case takes besides its options: who acts, and the database (or the
 * caller's transaction, inside which the use case opens its own). HTTP, the CLI and jobs build
 * the same context, never a request.
 */
import type { Actor } from "@chidao/core";
import type { Db } from "@chidao/db";

export interface TaskContext {
  db: Db;
  actor: Actor;
  /** The clock, pinned by tests; default: the moment of the call. */
  now?: Date;
}

export function nowOf(ctx: { now?: Date | undefined }): Date {
  return ctx.now ?? new Date();
}
