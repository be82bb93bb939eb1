/**
 * @module tasks/tree
 * Every write to a task tree (a task, its shares, the sub-tasks delegated from them) first locks
 * the tree's root row. Writers of one tree then take turns, so a roll-up always reads its
 * siblings' committed progress (two communes reporting at once cannot both miss each other), and
 * roots are locked lowest id first before anything else, which leaves no room for a deadlock.
 */
import { sql } from "drizzle-orm";
import { schema, type Db } from "@chidao/db";

const { tasks } = schema;

/** Locks the root of the task's tree until the transaction ends; null when the task does not exist. */
export async function lockTree(tx: Db, taskId: number): Promise<number | null> {
  const [root] = await lockTrees(tx, [taskId]);
  return root ?? null;
}

/** Locks the trees of several tasks (merging or confirming a batch); answers their roots. */
export async function lockTrees(tx: Db, taskIds: readonly number[]): Promise<number[]> {
  const roots = new Set<number>();
  for (const id of new Set(taskIds)) {
    const root = await rootOf(tx, id);
    if (root !== null) roots.add(root);
  }
  const sorted = [...roots].sort((a, b) => a - b);
  for (const root of sorted) await tx.execute(sql`select id from ${tasks} where id = ${root} for update`);
  return sorted;
}

/** A task's parent never changes once written, so the walk up needs no lock. */
async function rootOf(tx: Db, taskId: number): Promise<number | null> {
  const { rows } = await tx.execute<{ id: string | number }>(sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from ${tasks} where id = ${taskId}
      union all
      select t.id, t.parent_id, up.depth + 1 from ${tasks} t join up on t.id = up.parent_id where up.depth < 32
    )
    select id from up where parent_id is null`);
  return rows[0] ? Number(rows[0].id) : null;
}
