/**
 * @module routes/work/dashboard
 * The leader's dashboard of a unit in one request: tasks by status, overdue by agency, tasks
 * finished per week, directives received this week, agencies owing a report. Within the
 * reader's jurisdiction (another unit: 403, like /api/overdue).
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "@chidao/db";
import { dashboard } from "@chidao/work";
import { ErrorBody } from "../../errors.js";
import { actorOf } from "../../auth/plugin.js";
import { AgencyRef, IntId } from "./schemas.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const UnitRef = z.object({ id: z.number(), name: z.string(), level: z.enum(["province", "district", "commune"]) });
const Count = z.number().int();
const AgencyAt = AgencyRef.extend({ unitId: z.number().nullable() });

export const Dashboard = z
  .object({
    unit: UnitRef.nullable().describe("Null: the whole country"),
    at: z.date(),
    status: z.object({ proposed: Count, open: Count, in_progress: Count, done: Count, cancelled: Count, overdue: Count, total: Count }).describe("Tasks the reader may read in the unit, by status; overdue: open or in progress and past due"),
    overdue: z.object({ total: Count.describe("Overdue shares in the unit"), agencies: z.array(z.object({ agency: AgencyAt, overdue: Count, oldestDueAt: z.date() })).describe("The ten agencies with most overdue shares") }),
    completion: z.array(z.object({ weekStart: z.string().describe("Monday, YYYY-MM-DD (Asia/Ho_Chi_Minh)"), done: Count })).describe("Tasks finished per week, the last twelve weeks, the current one last"),
    directives: z.object({ since: z.date(), total: Count, items: z.array(z.object({ id: z.string(), code: z.string().nullable(), subject: z.string().nullable(), issuer: z.string().nullable(), date: z.string().nullable(), ingestedAt: z.date() })) }).describe("Stored documents of the jurisdiction ingested since Monday (the ten newest)"),
    silent: z.object({ since: z.date(), total: Count, agencies: z.array(z.object({ agency: AgencyAt, silent: Count, lead: Count, lastReportAt: z.date().nullable() })) }).describe("Agencies with live shares unreported in the past week (the ten most silent)"),
  })
  .meta({ id: "Dashboard" });

export function dashboardRoutes(app: FastifyInstance, db: Db): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get("/api/dashboard", { schema: { summary: "A unit's dashboard: tasks by status, overdue by agency, completion per week, directives this week, agencies owing a report", tags: ["tasks"], querystring: z.object({ unitId: IntId.optional().describe("Default: the reader's own unit") }), response: { 200: Dashboard, ...errors } } }, (req) =>
    dashboard({ db, actor: actorOf(req) }, req.query.unitId ? { unitId: req.query.unitId } : {}),
  );
}
