/**
 * @module reports/propose-upward
 * A report's proposals (đề xuất, kiến nghị) are addressed to whoever assigned the work: "đề nghị
 * UBND tỉnh bổ sung kinh phí…". This turns them into a *proposed* task for that level: owned by
 * the unit whose office assigned the task reported on, led by that unit's People's Committee (or
 * an agency the caller names), and waiting there to be confirmed like a task read from a document.
 */
import { and, eq, isNull, ne } from "drizzle-orm";
import { can, requireRole, type Actor, type TaskStatus } from "@chidao/core";
import { recordAudit, schema, type Db } from "@chidao/db";
import type { Ctx } from "../accounts/users.js";
import { agencyChain, taskVisible } from "../access/scope.js";
import { invalidInput, notFound, requireId, requireInstant } from "./errors.js";
import type { AgencyNames } from "./report-view.js";

const { reports, tasks, assignments, agencies } = schema;

/** The People's Committee's role key: who answers for a unit's government. */
const PEOPLES_COMMITTEE = "ubnd";
/** Titles are read in lists; the whole proposal stays in the text. */
const TITLE_MAX = 160;
const SENTENCE_MIN = 40;

export interface ProposeUpwardOptions {
  reportId: number;
  /** The new task's lead; default the People's Committee (UBND) of the owning unit. */
  leadAgencyId?: number;
  /** Default: the proposal's first sentence. */
  title?: string;
  now: Date;
}

export interface ProposedTask {
  id: number;
  /** False: the report's proposal had already been made a task (not cancelled); that task is returned. */
  created: boolean;
  title: string;
  text: string;
  status: TaskStatus;
  unitId: number | null;
  originReportId: number;
  lead: AgencyNames;
}

interface SourceReport {
  id: number;
  agencyId: number;
  proposals: string;
  taskId: number;
  unitId: number | null;
  provinceId: number | null;
  districtId: number | null;
  communeId: number | null;
}

/**
 * @example
 * await proposeUpward({ db, actor }, { reportId: 31, now: new Date() }); // a proposed task for UBND tỉnh
 */
export async function proposeUpward(ctx: Ctx, options: ProposeUpwardOptions): Promise<ProposedTask> {
  const reportId = requireId("report", options.reportId);
  const now = requireInstant("now", options.now);
  return ctx.db.transaction(async (tx) => {
    const source = await lockReport(tx, ctx.actor, reportId);
    requireProposer(ctx.actor, source);
    const text = source.proposals.trim();
    if (text === "") throw invalidInput([{ path: "proposals", vi: "Báo cáo không có đề xuất, kiến nghị.", en: "The report makes no proposal." }]);
    const existing = await taskFromReport(tx, reportId);
    if (existing) return existing;
    const lead = await leadAgency(tx, source.unitId, options.leadAgencyId);
    const title = options.title?.trim() || proposalTitle(text);
    const [task] = await tx
      .insert(tasks)
      .values({ title, text, status: "proposed", unitId: source.unitId, provinceId: source.provinceId, districtId: source.districtId, communeId: source.communeId, originReportId: reportId, createdBy: ctx.actor.userId, createdAt: now, updatedAt: now })
      .returning({ id: tasks.id });
    const chain = await agencyChain(tx, lead.id);
    const [share] = await tx
      .insert(assignments)
      .values({ taskId: task!.id, agencyId: lead.id, role: "lead", provinceId: chain.provinceId, districtId: chain.districtId, communeId: chain.communeId, createdAt: now, updatedAt: now })
      .returning({ id: assignments.id });
    await recordAudit(tx, ctx.actor, { action: "task.propose", objectType: "task", objectId: task!.id, after: { title, text, status: "proposed", unitId: source.unitId, originReportId: reportId, fromTaskId: source.taskId, leadAgencyId: lead.id } });
    await recordAudit(tx, ctx.actor, { action: "assignment.create", objectType: "assignment", objectId: share!.id, after: { taskId: task!.id, agencyId: lead.id, role: "lead", status: "open" } });
    return { id: task!.id, created: true, title, text, status: "proposed", unitId: source.unitId, originReportId: reportId, lead };
  });
}

/**
 * The first sentence (or line) of a proposal, cut at a word if still too long for a title. A stop
 * in the first few words is an abbreviation ("UBND TP. Nha Trang"), not a sentence's end.
 */
export function proposalTitle(text: string): string {
  const line = text.trim().split(/\r?\n/)[0]!.trim();
  const end = [...line.matchAll(/[.;!?](?=\s|$)/gu)].find((m) => m.index >= SENTENCE_MIN)?.index;
  const sentence = end === undefined ? line : line.slice(0, end + 1);
  if (sentence.length <= TITLE_MAX) return sentence;
  const cut = sentence.slice(0, TITLE_MAX - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The report and the task it is about, if the actor may read that task; locked so two clicks make one task. */
async function lockReport(tx: Db, actor: Actor, reportId: number): Promise<SourceReport> {
  const [row] = await tx
    .select({ id: reports.id, agencyId: reports.agencyId, proposals: reports.proposals, taskId: tasks.id, unitId: tasks.unitId, provinceId: tasks.provinceId, districtId: tasks.districtId, communeId: tasks.communeId })
    .from(reports)
    .innerJoin(tasks, eq(tasks.id, reports.taskId))
    .where(and(eq(reports.id, reportId), taskVisible(actor.scope)))
    .for("update", { of: reports });
  if (!row) throw notFound("report", reportId);
  return row;
}

/** An office that manages tasks, or the agency that made the proposal carrying it up itself. */
function requireProposer(actor: Actor, source: SourceReport): void {
  if (actor.scope.agencyId !== null && actor.scope.agencyId === source.agencyId && can(actor, "assignment.report")) return;
  requireRole(actor, "task.manage");
}

async function taskFromReport(tx: Db, reportId: number): Promise<ProposedTask | null> {
  const [row] = await tx
    .select({ id: tasks.id, title: tasks.title, text: tasks.text, status: tasks.status, unitId: tasks.unitId, lead: { id: agencies.id, name: agencies.name, fullName: agencies.fullName } })
    .from(tasks)
    .innerJoin(assignments, and(eq(assignments.taskId, tasks.id), eq(assignments.role, "lead")))
    .innerJoin(agencies, eq(agencies.id, assignments.agencyId))
    .where(and(eq(tasks.originReportId, reportId), ne(tasks.status, "cancelled")))
    .orderBy(tasks.id, assignments.id)
    .limit(1);
  return row ? { ...row, created: false, originReportId: reportId } : null;
}

async function leadAgency(tx: Db, unitId: number | null, chosen: number | undefined): Promise<AgencyNames> {
  const columns = { id: agencies.id, name: agencies.name, fullName: agencies.fullName };
  if (chosen !== undefined) {
    const id = requireId("agency", chosen);
    const [agency] = await tx.select(columns).from(agencies).where(and(eq(agencies.id, id), isNull(agencies.retiredAt)));
    if (!agency) throw notFound("agency", id);
    return agency;
  }
  const [committee] = unitId === null ? [] : await tx.select(columns).from(agencies).where(and(eq(agencies.unitId, unitId), eq(agencies.roleKey, PEOPLES_COMMITTEE), isNull(agencies.retiredAt)));
  if (!committee) {
    throw invalidInput([{ path: "leadAgencyId", vi: "Đơn vị giao nhiệm vụ không có Ủy ban nhân dân trong danh mục: hãy chọn cơ quan chủ trì.", en: "The assigning unit has no People's Committee in the catalogue: name the lead agency." }]);
  }
  return committee;
}
