/**
 * @module reports/report-progress
 * Filing a report as the app does it: the report services' fileReport with the task services'
 * tree lock taken first and the roll-up run once the share has changed, so a commune's report
 * moves its district's share and the provincial task in the same transaction.
 */
import { eq } from "drizzle-orm";
import { schema, type Db } from "@chidao/db";
import { lockTree } from "../tasks/tree.js";
import { rollUpFrom } from "../tasks/roll-up.js";
import { fileReport, type FileReportOptions, type FiledReport } from "./file-report.js";
import type { Ctx } from "../accounts/users.js";

export async function reportProgress(ctx: Ctx, options: Omit<FileReportOptions, "lockTask" | "onShareChanged">): Promise<FiledReport> {
  return fileReport(ctx, { ...options, lockTask: lockTree, onShareChanged: async (tx, assignmentId) => rollUpFrom(tx, await taskOfShare(tx, assignmentId)) });
}

async function taskOfShare(tx: Db, assignmentId: number): Promise<number> {
  const [row] = await tx.select({ taskId: schema.assignments.taskId }).from(schema.assignments).where(eq(schema.assignments.id, assignmentId));
  return row!.taskId;
}
