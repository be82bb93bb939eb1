/**
 * @module routes/work/reports
 * Reports back, in the form directives ask for (kết quả; khó khăn, vướng mắc; đề xuất, kiến
 * nghị; percent; attachments), a report's proposal sent up as a task, the periodic summary of a
 * directive (who reported, who is silent), and deadline reminders.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ChidaoError } from "@chidao/core";
import type { Db } from "@chidao/db";
import { directiveSummary, listReminders, listReports, markRemindersRead, proposeUpward, readAttachment, reportProgress, type AttachmentInput } from "@chidao/work";
import { ErrorBody } from "../../errors.js";
import { actorOf } from "../../auth/plugin.js";
import { IntId } from "./schemas.js";

const tags = ["reports"];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody };
const Named = z.object({ id: z.number(), name: z.string(), fullName: z.string() });
const Attachment = z.object({ sha256: z.string(), fileName: z.string(), size: z.number(), mediaType: z.string() }).meta({ id: "Attachment" });
const Report = z
  .object({ id: z.number(), taskId: z.number(), assignmentId: z.number(), agency: Named, author: z.object({ id: z.number(), name: z.string() }).nullable(), results: z.string(), difficulties: z.string(), proposals: z.string(), percent: z.number().nullable(), createdAt: z.string(), attachments: z.array(Attachment) })
  .meta({ id: "Report" });
const ProposedTask = z.object({ id: z.number(), created: z.boolean(), title: z.string(), text: z.string(), status: z.string(), unitId: z.number().nullable(), originReportId: z.number(), lead: Named }).meta({ id: "ProposedTask" });
const Summary = z.record(z.string(), z.unknown()).meta({ id: "DirectiveSummary", description: "Per task and share: status, percent, last report, reported in the period or silent, overdue; totals; silent lead agencies first" });
const Reminder = z.record(z.string(), z.unknown()).meta({ id: "Reminder" });

const TEXT_FIELDS = ["results", "difficulties", "proposals"] as const;
const MAX_ATTACHMENTS = 10;

export function reportRoutes(app: FastifyInstance, db: Db): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => ({ db, actor: actorOf(req) });

  api.post(
    "/api/assignments/:id/reports",
    { schema: { summary: "File a progress report on a share (multipart: results, difficulties, proposals, percent, files)", tags, consumes: ["multipart/form-data", "application/json"], params: z.object({ id: IntId }), response: { 201: z.object({ report: Report, share: z.object({ id: z.number(), taskId: z.number(), status: z.string(), percent: z.number(), lastReportAt: z.string().nullable() }) }), ...errors } } },
    async (req, reply) => {
      const form = req.isMultipart() ? await readForm(req) : jsonForm(req.body);
      const filed = await reportProgress(ctx(req), { assignmentId: req.params.id, ...form, now: new Date() });
      return reply.code(201).send(filed);
    },
  );

  api.get("/api/tasks/:id/reports", { schema: { summary: "A task's reports, newest first", tags, params: z.object({ id: IntId }), querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }), response: { 200: z.array(Report), ...errors } } }, (req) => listReports(ctx(req), { taskId: req.params.id, limit: req.query.limit }));

  api.get("/api/assignments/:id/reports", { schema: { summary: "A share's reports, newest first", tags, params: z.object({ id: IntId }), querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }), response: { 200: z.array(Report), ...errors } } }, (req) => listReports(ctx(req), { assignmentId: req.params.id, limit: req.query.limit }));

  api.get("/api/reports/:id/attachments/:sha256", { schema: { summary: "A report's attached file", tags, params: z.object({ id: IntId, sha256: z.string().regex(/^[0-9a-f]{64}$/) }) } }, async (req, reply) => {
    const file = await readAttachment(ctx(req), { reportId: req.params.id, sha256: req.params.sha256 });
    return reply.type(file.mediaType).header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).header("cache-control", "private, max-age=3600").send(Buffer.from(file.content));
  });

  api.post("/api/reports/:id/propose-upward", { schema: { summary: "Turn a report's proposal into a proposed task for the level above", tags, params: z.object({ id: IntId }), body: z.object({ leadAgencyId: z.number().int().positive().optional(), title: z.string().max(300).optional() }).default({}), response: { 201: ProposedTask, ...errors } } }, async (req, reply) =>
    reply.code(201).send(await proposeUpward(ctx(req), { reportId: req.params.id, now: new Date(), ...(req.body.leadAgencyId ? { leadAgencyId: req.body.leadAgencyId } : {}), ...(req.body.title ? { title: req.body.title } : {}) })),
  );

  api.get("/api/documents/:id/summary", { schema: { summary: "The periodic summary of a directive: who reported in the period, who is silent", tags, params: z.object({ id: z.uuid() }), querystring: z.object({ since: z.iso.datetime({ offset: true }).optional() }), response: { 200: Summary, ...errors } } }, (req) =>
    directiveSummary(ctx(req), { documentId: req.params.id, now: new Date(), ...(req.query.since ? { since: new Date(req.query.since) } : {}) }) as unknown as Promise<Record<string, unknown>>,
  );

  api.get("/api/reminders", { schema: { summary: "Unread reminders (due soon, overdue) of an agency or of the reader's jurisdiction", tags, querystring: z.object({ agency: IntId.optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }), response: { 200: z.array(Reminder), ...errors } } }, (req) =>
    listReminders(ctx(req), { limit: req.query.limit, ...(req.query.agency ? { agencyId: req.query.agency } : {}) }) as unknown as Promise<Record<string, unknown>[]>,
  );

  api.post("/api/reminders/read", { schema: { summary: "Mark reminders read", tags, body: z.object({ ids: z.array(z.number().int().positive()).min(1).max(1000) }), response: { 200: z.object({ marked: z.number() }), ...errors } } }, (req) => markRemindersRead(ctx(req), { ids: req.body.ids, now: new Date() }));
}

interface ReportForm {
  results?: string;
  difficulties?: string;
  proposals?: string;
  percent?: number | null;
  attachments: AttachmentInput[];
}

async function readForm(req: FastifyRequest): Promise<ReportForm> {
  const form: ReportForm = { attachments: [] };
  for await (const part of req.parts({ limits: { files: MAX_ATTACHMENTS } })) {
    if (part.type === "file") form.attachments.push({ bytes: await part.toBuffer(), fileName: part.filename || "tep-dinh-kem" });
    else if (part.fieldname === "percent") form.percent = percentOf(String(part.value));
    else if ((TEXT_FIELDS as readonly string[]).includes(part.fieldname)) form[part.fieldname as (typeof TEXT_FIELDS)[number]] = String(part.value);
  }
  return form;
}

function jsonForm(body: unknown): ReportForm {
  const parsed = z.object({ results: z.string().max(50000).optional(), difficulties: z.string().max(50000).optional(), proposals: z.string().max(50000).optional(), percent: z.number().int().min(0).max(100).nullable().optional() }).safeParse(body ?? {});
  if (!parsed.success) throw badField("body", parsed.error.issues[0]?.message ?? "invalid");
  const { results, difficulties, proposals, percent } = parsed.data;
  return { attachments: [], ...(results !== undefined ? { results } : {}), ...(difficulties !== undefined ? { difficulties } : {}), ...(proposals !== undefined ? { proposals } : {}), ...(percent !== undefined ? { percent } : {}) };
}

function percentOf(raw: string): number | null {
  if (raw.trim() === "") return null;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 100) throw badField("body.percent", "an integer 0–100");
  return n;
}

function badField(path: string, en: string): ChidaoError {
  return new ChidaoError({ code: "INVALID_INPUT", vi: `${path}: giá trị không hợp lệ (${en})`, en: `${path}: ${en}`, details: { fields: [{ path, vi: `${path}: giá trị không hợp lệ`, en }] } });
}
