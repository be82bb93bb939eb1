/**
 * @module routes/work/export
 * The office's task table as a spreadsheet: the same filters and the same jurisdiction as
 * GET /api/tasks (listTasks, narrowed by taskReadable), read a page at a time, Vietnamese
 * column headers, dates as dd/mm/yyyy in Asia/Ho_Chi_Minh. Bounded: above MAX_EXPORT_ROWS the
 * request is refused with the count, so a reader narrows the filters instead of waiting.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { ChidaoError, type TaskStatus } from "@chidao/core";
import { schema, type Db } from "@chidao/db";
import { listTasks, type ListTasksOptions, type TaskItem } from "@chidao/work";
import { actorOf } from "../../auth/plugin.js";
import { ListQuery, statuses } from "./tasks.js";

/** The most rows one spreadsheet holds. */
export const MAX_EXPORT_ROWS = 10_000;
const PAGE = 200;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ZONE = "Asia/Ho_Chi_Minh";

const STATUS_VI: Record<TaskStatus, string> = {
  proposed: "Đề xuất (chờ xác nhận)",
  open: "Chưa thực hiện",
  in_progress: "Đang thực hiện",
  done: "Hoàn thành",
  cancelled: "Đã hủy",
};

const ExportQuery = ListQuery.omit({ limit: true, offset: true });

export function exportRoutes(app: FastifyInstance, db: Db, options: { maxRows?: number } = {}): void {
  const maxRows = options.maxRows ?? MAX_EXPORT_ROWS;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => ({ db, actor: actorOf(req) });

  api.get(
    "/api/tasks/export.xlsx",
    {
      schema: {
        summary: `The task list as a spreadsheet (.xlsx): the filters of GET /api/tasks, at most ${MAX_EXPORT_ROWS} rows`,
        tags: ["tasks"],
        querystring: ExportQuery,
        produces: [XLSX],
      },
    },
    async (req, reply) => {
      const { status, overdue, agency, role, unit, document, q } = req.query;
      const filters: ListTasksOptions = { ...(status ? { status: statuses(status) } : {}), ...(overdue ? { overdue: overdue === "true" } : {}), ...(agency ? { agencyId: agency } : {}), ...(role ? { role } : {}), ...(unit ? { unitId: unit } : {}), ...(document ? { documentId: document } : {}), ...(q ? { q } : {}) };
      const first = await listTasks(ctx(req), { ...filters, limit: PAGE, offset: 0 });
      if (first.total > maxRows) throw tooMany(first.total, maxRows);
      const items = [...first.items];
      while (items.length < first.total) {
        const page = await listTasks(ctx(req), { ...filters, limit: PAGE, offset: items.length });
        if (page.items.length === 0) break;
        items.push(...page.items);
      }
      const body = await workbookOf(items.slice(0, maxRows), await uncodedSubjects(db, items), new Date());
      const name = `nhiem-vu-${dayOf(new Date()).replaceAll("/", "-")}.xlsx`;
      return reply.type(XLSX).header("content-disposition", `attachment; filename="${name}"`).header("cache-control", "private, no-store").send(body);
    },
  );
}

function tooMany(total: number, max: number): ChidaoError {
  return new ChidaoError({
    code: "INVALID_INPUT",
    vi: `Có ${total.toLocaleString("vi-VN")} nhiệm vụ khớp bộ lọc, vượt quá ${max.toLocaleString("vi-VN")} dòng mỗi tệp. Hãy thu hẹp bộ lọc (cơ quan, địa bàn, văn bản, trạng thái) rồi xuất lại.`,
    en: `${total.toLocaleString("en-US")} tasks match the filters, more than the ${max.toLocaleString("en-US")} rows a file holds. Narrow the filters (agency, unit, document, status) and export again.`,
    details: { total, max },
  });
}

/**
 * The subjects of the tasks' documents that have no number/symbol (the items carry the number
 * itself), by document id: the sheet names such a document by its subject.
 */
async function uncodedSubjects(db: Db, items: readonly TaskItem[]): Promise<Map<string, string>> {
  const ids = [...new Set(items.filter((t) => t.documentId !== null && t.documentCode === null).map((t) => t.documentId!))];
  const subjects = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.select({ id: schema.documents.id, subject: schema.documents.subject }).from(schema.documents).where(inArray(schema.documents.id, ids.slice(i, i + 500)));
    for (const r of rows) subjects.set(r.id, r.subject ?? "");
  }
  return subjects;
}

const DAY = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, day: "2-digit", month: "2-digit", year: "numeric" });

/** dd/mm/yyyy in Asia/Ho_Chi_Minh. */
function dayOf(date: Date): string {
  return DAY.format(date);
}

/** A date cell showing the day in Asia/Ho_Chi_Minh (spreadsheets have no time zones: midnight UTC of that day). */
function cellDate(date: Date): Date {
  const [d, m, y] = dayOf(date).split("/").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

export async function workbookOf(items: readonly TaskItem[], uncoded: Map<string, string>, now: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "chidao";
  book.created = now;
  const sheet = book.addWorksheet("Nhiệm vụ", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: "STT", key: "n", width: 6 },
    { header: "Mã nhiệm vụ", key: "id", width: 12 },
    { header: "Số hiệu", key: "ref", width: 10 },
    { header: "Nhiệm vụ", key: "title", width: 60 },
    { header: "Văn bản", key: "document", width: 18 },
    { header: "Cơ quan chủ trì", key: "lead", width: 36 },
    { header: "Cơ quan phối hợp", key: "support", width: 36 },
    { header: "Thời hạn", key: "due", width: 12, style: { numFmt: "dd/mm/yyyy" } },
    { header: "Trạng thái", key: "status", width: 20 },
    { header: "Tiến độ (%)", key: "percent", width: 11 },
    { header: "Quá hạn", key: "overdue", width: 9 },
  ];
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  items.forEach((t, i) => {
    const row = sheet.addRow({
      n: i + 1,
      id: t.id,
      ref: t.ref ?? "",
      title: t.title,
      document: t.documentId ? (t.documentCode ?? uncoded.get(t.documentId) ?? "") : "",
      lead: t.lead.map((a) => a.name).join("; "),
      support: t.support.map((a) => a.name).join("; "),
      due: t.dueAt ? cellDate(t.dueAt) : t.deadline.kind === "recurring" ? t.deadline.text : "",
      status: STATUS_VI[t.status],
      percent: Math.round(t.percent),
      overdue: t.overdue ? "Có" : "Không",
    });
    if (t.overdue) row.getCell("overdue").font = { bold: true, color: { argb: "FFB3261E" } };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  return Buffer.from(await book.xlsx.writeBuffer());
}
