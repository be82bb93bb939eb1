/**
 * @module documents/cascade
 * The directive cascade as a graph over citations: what a document implements (the documents it
 * cites, and theirs: up), what was issued to implement it (down), and the whole tree below a
 * central directive. Recursive queries with a depth cap; a cycle (two documents citing each
 * other) ends where a document repeats.
 */
import { inArray, sql } from "drizzle-orm";
import { schema, type Db } from "@chidao/db";
import { summaryColumns, toSummary, type DocumentSummary } from "./search.js";

const { documents } = schema;

export interface CascadeNode extends DocumentSummary {
  depth: number;
}

export interface CascadeEdge {
  /** The citing document. */
  from: string;
  /** The cited document. */
  to: string;
}

export interface Cascade {
  root: string;
  direction: "up" | "down";
  nodes: CascadeNode[];
  edges: CascadeEdge[];
}

export const MAX_DEPTH = 12;

export async function cascadeOf(db: Db, root: string, direction: "up" | "down", maxDepth = MAX_DEPTH): Promise<Cascade> {
  const depth = Math.min(Math.max(maxDepth, 1), MAX_DEPTH);
  // up: follow citations from the citing document to the cited one; down: the reverse.
  const step =
    direction === "up"
      ? sql`select c.document_id as "from", c.cited_id as "to", w.depth + 1, c.cited_id as node from walk w join citations c on c.document_id = w.node`
      : sql`select c.document_id as "from", c.cited_id as "to", w.depth + 1, c.document_id as node from walk w join citations c on c.cited_id = w.node`;
  const { rows } = await db.execute<{ from: string | null; to: string | null; depth: number; node: string }>(sql`
    with recursive walk("from", "to", depth, node) as (
      select null::uuid, null::uuid, 0, ${root}::uuid
      union
      ${step} where w.depth < ${depth}
    )
    select "from", "to", min(depth)::int as depth, node from walk group by "from", "to", node`);
  const depthOf = new Map<string, number>();
  const edges = new Map<string, CascadeEdge>();
  for (const r of rows) {
    depthOf.set(r.node, Math.min(depthOf.get(r.node) ?? Infinity, r.depth));
    if (r.from && r.to) edges.set(`${r.from}>${r.to}`, { from: r.from, to: r.to });
  }
  const ids = [...depthOf.keys()];
  const summaries = ids.length ? await db.select(summaryColumns).from(documents).where(inArray(documents.id, ids)) : [];
  const nodes = summaries.map((s) => ({ ...toSummary(s), depth: depthOf.get(s.id)! })).sort((a, b) => a.depth - b.depth || (a.date ?? "").localeCompare(b.date ?? ""));
  return { root, direction, nodes, edges: [...edges.values()] };
}
