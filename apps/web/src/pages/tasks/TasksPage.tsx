/**
 * @module pages/tasks/TasksPage
 * The office's table of every task it may see: filters (status, overdue, agency, unit,
 * document, words) kept in the address, a virtualized table that pages through the API 200 rows
 * at a time as the reader scrolls (10,000 rows scroll smoothly: only the rows in view are in
 * the page), bulk confirm or drop of selected proposed tasks, and the spreadsheet export.
 */
import { useMemo, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useQueries, useQueryClient } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useTranslation } from "react-i18next";
import { api, ApiError, errorOf, requestInit } from "../../api/client.js";
import { useSession } from "../../auth/session.js";
import { ErrorNotice } from "../../components/ErrorNotice.js";
import { fetchTaskPage, filterQuery, MAX_ROWS, PAGE_SIZE, TASK_STATUSES, taskKeys, type TaskFilters, type TaskItem, type TaskPage } from "./model.js";
import { Due, Picker, Progress, StatusBadge, searchAgencies, searchDocuments, searchUnits, type Picked } from "./parts.js";
import "./tasks.css";

const ROW_HEIGHT = 60;
/** The sticky header row's height (the rows start below it). */
const HEAD_HEIGHT = 40;
const CHUNK = 500;

function useFilters() {
  const [params, setParams] = useSearchParams();
  const num = (k: string) => (params.get(k) && Number(params.get(k)) > 0 ? Number(params.get(k)) : undefined);
  const filters: TaskFilters = {
    ...(params.get("status") ? { status: params.get("status")! } : {}),
    ...(params.get("overdue") === "true" ? { overdue: true } : {}),
    ...(num("agency") ? { agency: num("agency")! } : {}),
    ...(num("unit") ? { unit: num("unit")! } : {}),
    ...(params.get("document") ? { document: params.get("document")! } : {}),
    ...(params.get("q") ? { q: params.get("q")! } : {}),
  };
  const picked = (k: string): Picked | null => (params.get(k) ? { id: params.get(k)!, name: params.get(`${k}Name`) ?? params.get(k)! } : null);
  const set = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) if (v === null || v === "") next.delete(k);
        else next.set(k, v);
        return next;
      },
      { replace: true },
    );
  return { filters, picked, set };
}

export default function TasksPage() {
  const { t, i18n } = useTranslation();
  const { session, can } = useSession();
  const client = useQueryClient();
  const { filters, picked, set } = useFilters();
  const [words, setWords] = useState(filters.q ?? "");
  const [selected, setSelected] = useState<Map<number, TaskItem>>(new Map());
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<null | "confirm" | "drop" | "export">(null);
  const [failure, setFailure] = useState<unknown>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const manage = can("task.manage");
  const filterKey = useMemo(() => JSON.stringify(filters), [filters]);

  // The first page tells the total; the virtualizer then asks for the pages of the rows in view.
  const [range, setRange] = useState({ start: 0, end: 0 });
  const pages = useMemo(() => {
    const wanted = new Set<number>([0]);
    for (let p = Math.floor(range.start / PAGE_SIZE); p <= Math.floor(range.end / PAGE_SIZE); p++) wanted.add(p);
    return [...wanted];
  }, [range.start, range.end]);
  const results = useQueries({ queries: pages.map((p) => ({ queryKey: taskKeys.page(filters, p), queryFn: ({ signal }: { signal: AbortSignal }) => fetchTaskPage(filters, p, signal) })) });
  const first = results[0];
  const total = Math.min(first?.data?.total ?? 0, MAX_ROWS);
  const rowAt = (index: number): TaskItem | undefined => client.getQueryData<TaskPage>(taskKeys.page(filters, Math.floor(index / PAGE_SIZE)))?.items[index % PAGE_SIZE];

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEAD_HEIGHT,
    onChange: (v) => {
      const items = v.getVirtualItems();
      const start = items[0]?.index ?? 0;
      const end = items.at(-1)?.index ?? 0;
      setRange((r) => (Math.floor(r.start / PAGE_SIZE) === Math.floor(start / PAGE_SIZE) && Math.floor(r.end / PAGE_SIZE) === Math.floor(end / PAGE_SIZE) ? r : { start, end }));
    },
  });

  const loaded = (): TaskItem[] =>
    client
      .getQueriesData<TaskPage>({ queryKey: taskKeys.list(filters) })
      .flatMap(([, page]) => page?.items ?? []);
  const selectedList = [...selected.values()];
  const proposed = selectedList.filter((task) => task.status === "proposed");
  const toggle = (task: TaskItem) =>
    setSelected((s) => {
      const next = new Map(s);
      if (next.has(task.id)) next.delete(task.id);
      else next.set(task.id, task);
      return next;
    });
  const loadedNow = loaded();
  const allLoadedSelected = loadedNow.length > 0 && loadedNow.every((task) => selected.has(task.id));

  const after = async (text: string, ok: boolean) => {
    setNotice({ ok, text });
    setSelected(new Map());
    await client.invalidateQueries({ queryKey: taskKeys.all });
  };

  async function confirmSelected() {
    setBusy("confirm");
    setFailure(null);
    let done = 0;
    try {
      for (let i = 0; i < proposed.length; i += CHUNK) {
        const chunk = proposed.slice(i, i + CHUNK);
        const confirmed = await api<TaskItem[]>("/api/tasks/confirm", { method: "POST", json: { tasks: chunk.map((task) => ({ id: task.id, version: task.version })) } });
        done += confirmed.length;
      }
      await after(t("tasks.bulk.confirmed", { count: done }), true);
    } catch (error) {
      setFailure(error);
      if (done > 0) await after(t("tasks.bulk.confirmed", { count: done }), true);
    } finally {
      setBusy(null);
    }
  }

  async function dropSelected() {
    if (!window.confirm(t("tasks.bulk.dropAsk", { count: proposed.length }))) return;
    setBusy("drop");
    setFailure(null);
    let done = 0;
    const failed: string[] = [];
    for (const task of proposed) {
      try {
        await api(`/api/tasks/${task.id}/drop`, { method: "POST", ifMatch: task.version });
        done++;
      } catch (error) {
        failed.push(`#${task.id}: ${error instanceof ApiError ? error.messageIn(i18n.language) : t("errors.unexpected")}`);
      }
    }
    setBusy(null);
    await after(failed.length ? `${t("tasks.bulk.dropped", { count: done })} ${t("tasks.bulk.failedSome", { count: failed.length })} ${failed.slice(0, 3).join("; ")}` : t("tasks.bulk.dropped", { count: done }), failed.length === 0);
  }

  async function exportSheet() {
    setBusy("export");
    setFailure(null);
    try {
      const response = await fetch(`/api/tasks/export.xlsx${filterQuery(filters)}`, requestInit({}));
      if (!response.ok) throw await errorOf(response);
      const blob = await response.blob();
      const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "nhiem-vu.xlsx";
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setNotice({ ok: true, text: t("tasks.export.done", { count: first?.data?.total ?? 0 }) });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  }

  const resetScroll = () => {
    setSelected(new Map());
    scroller.current?.scrollTo({ top: 0 });
  };
  const unitForAgencies = filters.unit ?? session.user.unit?.id ?? null;

  return (
    <section className="page tasks-page" aria-labelledby="tasks-title">
      <div className="page-head">
        <h1 id="tasks-title">{t("tasks.title")}</h1>
        <span className="muted" aria-live="polite">
          {first?.data ? t("tasks.table.count", { count: first.data.total }) : ""}
        </span>
        <div className="actions">
          <button type="button" onClick={() => void exportSheet()} disabled={busy !== null || !first?.data || first.data.total === 0} aria-describedby={first?.data && first.data.total > MAX_ROWS ? "export-limit" : undefined}>
            {busy === "export" ? t("tasks.export.working") : t("tasks.export.button")}
          </button>
        </div>
      </div>

      <form
        className="filters card tasks-filters"
        role="search"
        aria-label={t("tasks.filters.label")}
        onSubmit={(e) => {
          e.preventDefault();
          set({ q: words.trim() || null });
          resetScroll();
        }}
      >
        <div className="field">
          <label htmlFor="task-q">{t("tasks.filters.words")}</label>
          <input id="task-q" type="search" value={words} onChange={(e) => setWords(e.target.value)} placeholder={t("tasks.filters.wordsHint")} />
        </div>
        <div className="field">
          <label htmlFor="task-status">{t("tasks.filters.status")}</label>
          <select
            id="task-status"
            value={filters.status ?? ""}
            onChange={(e) => {
              set({ status: e.target.value || null });
              resetScroll();
            }}
          >
            <option value="">{t("tasks.filters.anyStatus")}</option>
            <option value="open,in_progress">{t("tasks.filters.live")}</option>
            {TASK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`tasks.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <Picker label={t("tasks.filters.agency")} value={picked("agency")} searchKey={["agency", unitForAgencies]} search={(q, signal) => searchAgencies(q, unitForAgencies, signal)} onChange={(p) => (set({ agency: p?.id ?? null, agencyName: p?.name ?? null }), resetScroll())} />
        <Picker label={t("tasks.filters.unit")} value={picked("unit")} searchKey={["unit"]} search={searchUnits} onChange={(p) => (set({ unit: p?.id ?? null, unitName: p?.name ?? null }), resetScroll())} />
        <Picker label={t("tasks.filters.document")} value={picked("document")} searchKey={["document"]} search={searchDocuments} onChange={(p) => (set({ document: p?.id ?? null, documentName: p?.name ?? null }), resetScroll())} />
        <label className="tasks-check">
          <input
            type="checkbox"
            checked={filters.overdue === true}
            onChange={(e) => {
              set({ overdue: e.target.checked ? "true" : null });
              resetScroll();
            }}
          />
          {t("tasks.filters.overdueOnly")}
        </label>
        <button type="submit" className="button-primary">
          {t("tasks.filters.apply")}
        </button>
        <button
          type="button"
          className="button-quiet"
          onClick={() => {
            setWords("");
            set({ status: null, overdue: null, agency: null, agencyName: null, unit: null, unitName: null, document: null, documentName: null, q: null });
            resetScroll();
          }}
        >
          {t("tasks.filters.clear")}
        </button>
      </form>

      {first?.data && first.data.total > MAX_ROWS && (
        <p className="notice" id="export-limit">
          {t("tasks.table.capped", { count: first.data.total, max: MAX_ROWS })}
        </p>
      )}
      {failure !== null && <ErrorNotice error={failure} />}
      {notice && (
        <p className={`notice ${notice.ok ? "notice-ok" : "notice-error"}`} role={notice.ok ? "status" : "alert"}>
          {notice.text}
        </p>
      )}

      {manage && (
        <div className="tasks-bulk" role="toolbar" aria-label={t("tasks.bulk.label")}>
          <span aria-live="polite">{t("tasks.bulk.selected", { count: selected.size })}</span>
          {selected.size > 0 && proposed.length < selected.size && <span className="muted">{t("tasks.bulk.onlyProposed", { count: selected.size - proposed.length })}</span>}
          <button type="button" className="button-primary" disabled={busy !== null || proposed.length === 0} onClick={() => void confirmSelected()}>
            {busy === "confirm" ? t("tasks.bulk.working") : t("tasks.bulk.confirm", { count: proposed.length })}
          </button>
          <button type="button" className="button-danger" disabled={busy !== null || proposed.length === 0} onClick={() => void dropSelected()}>
            {busy === "drop" ? t("tasks.bulk.working") : t("tasks.bulk.drop", { count: proposed.length })}
          </button>
          {selected.size > 0 && (
            <button type="button" className="button-quiet" onClick={() => setSelected(new Map())}>
              {t("tasks.bulk.clear")}
            </button>
          )}
        </div>
      )}

      {first?.error ? (
        <ErrorNotice error={first.error} />
      ) : (
        <div ref={scroller} className={`task-table${manage ? " task-table-manage" : ""}`} data-testid="task-table" role="table" tabIndex={0} aria-label={t("tasks.table.label")} aria-rowcount={total + 1} aria-busy={first?.isPending ?? true}>
          <div role="rowgroup" className="task-head-group">
            <div className="task-row task-head" role="row" aria-rowindex={1}>
              {manage && (
                <span role="columnheader" className="task-cell-check">
                  <input
                    type="checkbox"
                    aria-label={t("tasks.table.selectLoaded", { count: loadedNow.length })}
                    title={t("tasks.table.selectLoaded", { count: loadedNow.length })}
                    checked={allLoadedSelected}
                    disabled={loadedNow.length === 0}
                    onChange={() => setSelected(allLoadedSelected ? new Map() : new Map(loadedNow.map((task) => [task.id, task])))}
                  />
                </span>
              )}
              <span role="columnheader">{t("tasks.table.task")}</span>
              <span role="columnheader">{t("tasks.table.lead")}</span>
              <span role="columnheader">{t("tasks.table.due")}</span>
              <span role="columnheader">{t("tasks.table.status")}</span>
              <span role="columnheader">{t("tasks.table.progress")}</span>
            </div>
          </div>
          {first?.isPending ? (
            <p className="loading" role="status">
              {t("common.loading")}
            </p>
          ) : total === 0 ? (
            <p className="task-empty">{t("tasks.table.empty")}</p>
          ) : (
            <div role="rowgroup" className="task-body" style={{ height: virtualizer.getTotalSize() }} key={filterKey}>
              {virtualizer.getVirtualItems().map((v) => {
                const task = rowAt(v.index);
                return (
                  <div key={v.key} className={`task-row${task?.overdue ? " overdue" : ""}${task && selected.has(task.id) ? " selected" : ""}`} role="row" aria-rowindex={v.index + 2} data-testid="task-row" style={{ transform: `translateY(${v.start - HEAD_HEIGHT}px)`, height: ROW_HEIGHT }}>
                    {task ? (
                      <>
                        {manage && (
                          <span role="cell" className="task-cell-check">
                            <input type="checkbox" aria-label={t("tasks.table.select", { title: task.title })} checked={selected.has(task.id)} onChange={() => toggle(task)} />
                          </span>
                        )}
                        <span role="cell" className="task-cell-title">
                          {task.documentCode && <span className="task-doc-code" title={t("tasks.table.documentCode", { code: task.documentCode })}>{task.documentCode}</span>}
                          <Link to={`/tasks/${task.id}`} title={task.title}>
                            {task.ref ? `${task.ref}. ` : ""}
                            {task.title}
                          </Link>
                        </span>
                        <span role="cell" className="task-cell-agencies" title={task.lead.map((a) => a.name).join("; ")}>
                          {task.lead.length ? task.lead.map((a) => a.name).join("; ") : <span className="muted">{t("tasks.noLead")}</span>}
                          {task.support.length > 0 && <span className="muted"> {t("tasks.table.plusSupport", { count: task.support.length })}</span>}
                        </span>
                        <span role="cell">
                          <Due dueAt={task.dueAt} overdue={task.overdue} recurring={task.deadline.kind === "recurring"} />
                        </span>
                        <span role="cell">
                          <StatusBadge status={task.status} overdue={task.overdue} />
                        </span>
                        <span role="cell">
                          <Progress percent={task.percent} />
                        </span>
                      </>
                    ) : (
                      <span role="cell" className="task-cell-loading muted">
                        {t("common.loading")}
                      </span>
                    )}
                  </div>
                );
              })}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
