/**
 * @module reports/read-attachment
 * A file attached to a report, for a reader who may see the report's task (else NOT_FOUND).
 */
import { and, eq } from "drizzle-orm";
import { schema } from "@chidao/db";
import type { Ctx } from "../accounts/users.js";
import { getTask } from "../tasks/get-task.js";
import { notFound } from "./errors.js";

const { reports, reportAttachments, files } = schema;

export async function readAttachment(ctx: Ctx, options: { reportId: number; sha256: string }): Promise<{ content: Uint8Array; mediaType: string; fileName: string }> {
  const [report] = await ctx.db.select({ taskId: reports.taskId }).from(reports).where(eq(reports.id, options.reportId));
  if (!report) throw notFound("report", options.reportId);
  await getTask(ctx, { id: report.taskId });
  const [file] = await ctx.db
    .select({ content: files.content, mediaType: files.mediaType, fileName: reportAttachments.fileName })
    .from(reportAttachments)
    .innerJoin(files, eq(files.sha256, reportAttachments.sha256))
    .where(and(eq(reportAttachments.reportId, options.reportId), eq(reportAttachments.sha256, options.sha256)));
  if (!file) throw notFound("attachment", options.sha256);
  return file;
}
