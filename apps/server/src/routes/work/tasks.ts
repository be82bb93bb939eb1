/**
 * @module routes/work/tasks
 * Tasks: the list (filters, pages), one task with its shares, creating one by hand, and the
 * office's review of proposed tasks (edit, split, merge, drop, confirm). Edits carry If-Match.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { TASK_STATUSES, type TaskStatus } from "@chidao/core";
import type { Db } from "@chidao/db";
import { confirmTasks, createTask, dropTask, getTask, listTasks, mergeTasks, splitTask, updateTask } from "@chidao/work";
import { ErrorBody } from "../../errors.js";
import { actorOf } from "../../auth/plugin.js";
import { expectedVersion, withEtag } from "../../versioning.js";
import { Deadline, IntId, TaskDetail, TaskItem, TaskPage, VersionedIds } from "./schemas.js";

const tags = ["tasks"];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 428: ErrorBody };
const Agencies = z.array(z.number().int().positive()).max(2000);

const STATUS_LIST = new RegExp(`^(?:${TASK_STATUSES.join("|")})(?:,(?:${TASK_STATUSES.join("|")}))*$`);

export const ListQuery = z.object({
  status: z
    .string()
    .regex(STATUS_LIST, "one or more of proposed, open, in_progress, done, cancelled, comma-separated")
    .optional()
    .describe("One status or several, comma-separated: proposed, open, in_progress, done, cancelled"),
  overdue: z.enum(["true", "false"]).optional(),
  agency: IntId.optional(),
  role: z.enum(["lead", "support"]).optional(),
  unit: IntId.optional(),
  document: z.uuid().optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export function taskRoutes(app: FastifyInstance, db: Db): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => ({ db, actor: actorOf(req) });

  api.get("/api/tasks", { schema: { summary: "Tasks the reader may see, soonest due first", tags, querystring: ListQuery, response: { 200: TaskPage, ...errors } } }, (req) => {
    const { status, overdue, agency, role, unit, document, q, limit, offset } = req.query;
    return listTasks(ctx(req), { ...(status ? { status: statuses(status) } : {}), ...(overdue ? { overdue: overdue === "true" } : {}), ...(agency ? { agencyId: agency } : {}), ...(role ? { role } : {}), ...(unit ? { unitId: unit } : {}), ...(document ? { documentId: document } : {}), ...(q ? { q } : {}), limit, offset });
  });

  api.post("/api/tasks", { schema: { summary: "Create a task by hand (open at once)", tags, body: z.object({ text: z.string().min(1).max(20000), title: z.string().max(300).optional(), documentId: z.uuid().nullable().optional(), unitId: z.number().int().positive().nullable().optional(), deadline: Deadline.nullable().optional(), reportTo: z.string().max(500).nullable().optional(), lead: Agencies.min(1), support: Agencies.optional() }), response: { 201: TaskDetail, ...errors } } }, async (req, reply) => {
    const task = await createTask(ctx(req), defined(req.body));
    return reply.code(201).send(withEtag(reply, task));
  });

  api.get("/api/tasks/:id", { schema: { summary: "One task with its shares, sub-tasks and source", tags, params: z.object({ id: IntId }), response: { 200: TaskDetail, ...errors } } }, async (req, reply) => withEtag(reply, await getTask(ctx(req), { id: req.params.id })));

  api.patch("/api/tasks/:id", { schema: { summary: "Edit a task (text, deadline, agencies); If-Match: its ETag", tags, params: z.object({ id: IntId }), body: z.object({ title: z.string().min(1).max(300).optional(), text: z.string().min(1).max(20000).optional(), deadline: Deadline.nullable().optional(), reportTo: z.string().max(500).nullable().optional(), lead: Agencies.optional(), support: Agencies.optional() }), response: { 200: TaskDetail, ...errors } } }, async (req, reply) =>
    withEtag(reply, await updateTask(ctx(req), { id: req.params.id, expectedVersion: expectedVersion(req), ...defined(req.body) })),
  );

  api.post("/api/tasks/:id/split", { schema: { summary: "Split a proposed task into several; If-Match: its ETag", tags, params: z.object({ id: IntId }), body: z.object({ parts: z.array(z.object({ text: z.string().min(1).max(20000), title: z.string().max(300).optional() })).min(2).max(50) }), response: { 200: z.array(TaskItem), ...errors } } }, async (req) =>
    splitTask(ctx(req), { id: req.params.id, expectedVersion: expectedVersion(req), parts: req.body.parts.map(defined) }) as Promise<z.infer<typeof TaskItem>[]>,
  );

  api.post("/api/tasks/merge", { schema: { summary: "Merge proposed tasks of one document into one", tags, body: z.object({ tasks: VersionedIds.min(2), title: z.string().max(300).optional() }), response: { 200: TaskDetail, ...errors } } }, async (req, reply) =>
    withEtag(reply, await mergeTasks(ctx(req), { tasks: req.body.tasks.map(({ id, version }) => ({ id, expectedVersion: version })), ...(req.body.title ? { title: req.body.title } : {}) })),
  );

  api.post("/api/tasks/:id/drop", { schema: { summary: "Drop a task (cancelled); If-Match: its ETag", tags, params: z.object({ id: IntId }), response: { 200: TaskDetail, ...errors } } }, async (req, reply) => withEtag(reply, await dropTask(ctx(req), { id: req.params.id, expectedVersion: expectedVersion(req) })));

  api.post("/api/tasks/confirm", { schema: { summary: "Confirm proposed tasks: they go live (open)", tags, body: z.object({ tasks: VersionedIds }), response: { 200: z.array(TaskItem), ...errors } } }, (req) =>
    confirmTasks(ctx(req), { tasks: req.body.tasks.map(({ id, version }) => ({ id, expectedVersion: version })) }),
  );
}

export function statuses(raw: string): TaskStatus[] {
  const wanted = raw.split(",");
  return TASK_STATUSES.filter((s) => wanted.includes(s));
}

/** The object without its undefined fields (exactOptionalPropertyTypes). */
export function defined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
