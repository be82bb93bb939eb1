/**
 * @module reports/report-view
 * A report as callers see it: the three parts directives ask for, who wrote it for which agency,
 * and its attachments (without their bytes). Rows never leave the module as they are stored.
 */
import { desc, eq, inArray, type SQL } from "drizzle-orm";
import { schema, type Db } from "@chidao/db";
import type { AttachmentView } from "./attachments.js";

const { reports, reportAttachments, files, agencies, users } = schema;

export interface AgencyNames {
  id: number;
  /** Its name within its unit ("Sở Y tế"). */
  name: string;
  /** "Sở Y tế tỉnh Khánh Hòa". */
  fullName: string;
}

export interface ReportView {
  id: number;
  taskId: number;
  assignmentId: number;
  agency: AgencyNames;
  /** Null when the system or a since-removed account filed it. */
  author: { id: number; name: string } | null;
  /** Kết quả. */
  results: string;
  /** Khó khăn, vướng mắc. */
  difficulties: string;
  /** Đề xuất, kiến nghị. */
  proposals: string;
  /** Null: the report said nothing about progress. */
  percent: number | null;
  createdAt: string;
  attachments: AttachmentView[];
}

/** Reports matching `where`, newest first, with their attachments (two queries, whatever the count). */
export async function loadReports(db: Db, where: SQL | undefined, limit: number): Promise<ReportView[]> {
  const rows = await db
    .select({
      id: reports.id,
      taskId: reports.taskId,
      assignmentId: reports.assignmentId,
      agency: { id: agencies.id, name: agencies.name, fullName: agencies.fullName },
      authorId: reports.authorId,
      authorName: users.displayName,
      results: reports.results,
      difficulties: reports.difficulties,
      proposals: reports.proposals,
      percent: reports.percent,
      createdAt: reports.createdAt,
    })
    .from(reports)
    .innerJoin(agencies, eq(agencies.id, reports.agencyId))
    .leftJoin(users, eq(users.id, reports.authorId))
    .where(where)
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(limit);
  const attached = await attachmentsOf(db, rows.map((r) => r.id));
  return rows.map(({ authorId, authorName, createdAt, ...r }) => ({
    ...r,
    author: authorId !== null && authorName !== null ? { id: authorId, name: authorName } : null,
    createdAt: createdAt.toISOString(),
    attachments: attached.get(r.id) ?? [],
  }));
}

async function attachmentsOf(db: Db, reportIds: number[]): Promise<Map<number, AttachmentView[]>> {
  const byReport = new Map<number, AttachmentView[]>();
  if (reportIds.length === 0) return byReport;
  const rows = await db
    .select({ reportId: reportAttachments.reportId, sha256: files.sha256, fileName: reportAttachments.fileName, size: files.size, mediaType: files.mediaType })
    .from(reportAttachments)
    .innerJoin(files, eq(files.sha256, reportAttachments.sha256))
    .where(inArray(reportAttachments.reportId, reportIds))
    .orderBy(reportAttachments.fileName);
  for (const { reportId, ...a } of rows) byReport.set(reportId, [...(byReport.get(reportId) ?? []), a]);
  return byReport;
}
