/**
 * @module pages/tasks/MyTasksPage
 * An agency's own work: its open and in-progress shares, soonest due first (no deadline last),
 * the late ones in red, each with its progress and a link to report on it. An account that is
 * not an agency's is sent to the task table.
 */
import { useState } from "react";
import { Link, Navigate } from "react-router";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, query } from "../../api/client.js";
import { useSession } from "../../auth/session.js";
import { ErrorNotice } from "../../components/ErrorNotice.js";
import { Loading } from "../../components/Loading.js";
import { PAGE_SIZE, taskKeys, type OpenSharePage } from "./model.js";
import { Due, Progress, StatusBadge } from "./parts.js";
import "./tasks.css";

export default function MyTasksPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const agency = session.user.agency;
  const [overdueOnly, setOverdueOnly] = useState(false);
  const list = useInfiniteQuery({
    queryKey: taskKeys.mine(agency?.id ?? 0, overdueOnly),
    queryFn: ({ pageParam, signal }) => api<OpenSharePage>(`/api/agencies/${agency!.id}/tasks${query({ overdue: overdueOnly ? "true" : undefined, limit: PAGE_SIZE, offset: pageParam })}`, { signal }),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.offset + last.items.length < last.total ? last.offset + last.items.length : undefined),
    enabled: agency !== null,
  });
  if (!agency) return <Navigate to="/tasks" replace />;
  const shares = list.data?.pages.flatMap((p) => p.items) ?? [];
  const head = list.data?.pages[0];

  return (
    <section className="page my-tasks" aria-labelledby="my-tasks-title">
      <div className="page-head">
        <h1 id="my-tasks-title">{t("tasks.mine.title")}</h1>
        <span className="muted">{agency.name}</span>
      </div>
      {head && (
        <p className="my-tasks-summary" aria-live="polite">
          {t("tasks.mine.summary", { count: head.total })}
          {head.overdue > 0 && <strong className="overdue"> · {t("tasks.mine.overdueCount", { count: head.overdue })}</strong>}
        </p>
      )}
      <div className="filters">
        <label className="tasks-check">
          <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
          {t("tasks.filters.overdueOnly")}
        </label>
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorNotice error={list.error} />
      ) : shares.length === 0 ? (
        <p className="card">{overdueOnly ? t("tasks.mine.noneOverdue") : t("tasks.mine.none")}</p>
      ) : (
        <ol className="my-task-list">
          {shares.map((share) => (
            <li key={share.id} data-testid="my-task" className={`card my-task${share.overdue ? " overdue" : ""}`}>
              <div className="my-task-main">
                <Link to={`/tasks/${share.task.id}`} className="my-task-title">
                  {share.task.ref ? `${share.task.ref}. ` : ""}
                  {share.task.title}
                </Link>
                <span className="my-task-meta">
                  {share.task.documentId && share.task.documentCode && (
                    <Link to={`/documents/${share.task.documentId}`} className="task-doc-code" title={t("tasks.table.documentCode", { code: share.task.documentCode })}>
                      {share.task.documentCode}
                    </Link>
                  )}
                  <span className="badge">{t(`tasks.role.${share.role}`)}</span>
                  <StatusBadge status={share.status} overdue={share.overdue} />
                </span>
              </div>
              <div className="my-task-side">
                <span>
                  <span className="muted">{t("tasks.table.due")}: </span>
                  <Due dueAt={share.dueAt} overdue={share.overdue} />
                </span>
                <Progress percent={share.percent} label={t("tasks.mine.shareProgress")} />
                <Link to={`/tasks/${share.task.id}#report`} className="my-task-report">
                  {t("tasks.mine.report")}
                </Link>
              </div>
            </li>
          ))}
        </ol>
      )}
      {list.hasNextPage && (
        <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {list.isFetchingNextPage ? t("common.loading") : t("tasks.mine.more")}
        </button>
      )}
    </section>
  );
}
