/**
 * @module routes/work/assignments
 * An agency's side of the work: its open shares, its progress (status, percent), delegating a
 * share to lower units, and the overdue roll-ups an office ranks agencies and units by.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "@chidao/db";
import { agencyOpenTasks, delegateAssignment, overdueByAgency, overdueByUnit, setAssignment } from "@chidao/work";
import { ErrorBody } from "../../errors.js";
import { actorOf } from "../../auth/plugin.js";
import { expectedVersion, withEtag } from "../../versioning.js";
import { AgencyRef, Deadline, IntId, TaskItem } from "./schemas.js";
import { defined } from "./tasks.js";

const tags = ["tasks"];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 428: ErrorBody };

const OpenShare = z
  .object({
    id: z.number(),
    role: z.enum(["lead", "support"]),
    status: z.enum(["open", "in_progress"]),
    percent: z.number(),
    dueAt: z.date().nullable(),
    overdue: z.boolean(),
    version: z.number(),
    task: z.object({ id: z.number(), ref: z.string().nullable(), title: z.string(), status: z.string(), percent: z.number(), documentId: z.string().nullable(), documentCode: z.string().nullable(), parentId: z.number().nullable() }),
  })
  .meta({ id: "OpenShare" });
const ShareState = z
  .object({ id: z.number(), taskId: z.number(), agencyId: z.number(), role: z.enum(["lead", "support"]), status: z.string(), percent: z.number(), reportedStatus: z.string(), reportedPercent: z.number(), dueAt: z.date().nullable(), lastReportAt: z.date().nullable(), version: z.number() })
  .meta({ id: "ShareState", description: "A share after the change: what the agency set (reported*) and the rolled-up status and percent" });
const UnitRef = z.object({ id: z.number(), name: z.string(), level: z.enum(["province", "district", "commune"]) });

export function assignmentRoutes(app: FastifyInstance, db: Db): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => ({ db, actor: actorOf(req) });

  api.get("/api/agencies/:id/tasks", { schema: { summary: "An agency's open work: its open and in-progress shares, soonest due first", tags, params: z.object({ id: IntId }), querystring: z.object({ overdue: z.enum(["true", "false"]).optional(), limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) }), response: { 200: z.object({ agency: AgencyRef, items: z.array(OpenShare), total: z.number(), overdue: z.number(), limit: z.number(), offset: z.number() }), ...errors } } }, (req) =>
    agencyOpenTasks(ctx(req), { agencyId: req.params.id, overdue: req.query.overdue === "true", limit: req.query.limit, offset: req.query.offset }),
  );

  api.patch("/api/assignments/:id", { schema: { summary: "An agency sets its share's status and percent; If-Match: the share's version", tags, params: z.object({ id: IntId }), body: z.object({ status: z.enum(["open", "in_progress", "done", "cancelled"]).optional(), percent: z.number().int().min(0).max(100).optional() }), response: { 200: ShareState, ...errors } } }, async (req, reply) =>
    withEtag(reply, await setAssignment(ctx(req), { id: req.params.id, expectedVersion: expectedVersion(req), ...defined(req.body) })),
  );

  api.post("/api/assignments/:id/delegate", { schema: { summary: "Hand a share down: sub-tasks for given agencies, or a role in every unit below", tags, params: z.object({ id: IntId }), body: z.object({ targets: z.union([z.array(z.number().int().positive()).min(1).max(2000), z.object({ role: z.string().min(1).max(80), level: z.enum(["province", "district", "commune"]) })]), title: z.string().max(300).optional(), text: z.string().max(20000).optional(), deadline: Deadline.nullable().optional() }), response: { 201: z.object({ created: z.array(TaskItem), skipped: z.array(z.number()) }), ...errors } } }, async (req, reply) =>
    reply.code(201).send(await delegateAssignment(ctx(req), { id: req.params.id, ...defined(req.body) })),
  );

  api.get("/api/overdue", { schema: { summary: "Overdue work in a unit, ranked: by agency, or by the units below", tags, querystring: z.object({ unit: IntId.optional(), by: z.enum(["agency", "unit"]).default("agency"), limit: z.coerce.number().int().min(1).max(500).default(50) }), response: { 200: z.object({ unit: UnitRef.nullable(), agencies: z.array(z.object({ agency: AgencyRef.extend({ unitId: z.number().nullable() }), overdue: z.number(), oldestDueAt: z.date() })).optional(), units: z.array(z.object({ unit: UnitRef.nullable(), overdue: z.number(), agencies: z.number(), oldestDueAt: z.date() })).optional() }), ...errors } } }, (req) => {
    const options = { limit: req.query.limit, ...(req.query.unit ? { unitId: req.query.unit } : {}) };
    return req.query.by === "unit" ? overdueByUnit(ctx(req), options) : overdueByAgency(ctx(req), options);
  });
}
