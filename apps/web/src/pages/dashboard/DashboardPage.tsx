/**
 * @module pages/dashboard/DashboardPage
 * A unit at a glance (issue 5, item 5): tasks by status, who is late, work finished week by week,
 * the directives received this week and the agencies owing a report. Each chart is a list of
 * links to the list behind it; the weekly chart also has a table. The unit is the account's own,
 * or one below it chosen here (?unitId=).
 */
import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { api, query } from "../../api/client.js";
import { useSession } from "../../auth/session.js";
import { ErrorNotice } from "../../components/ErrorNotice.js";
import { Loading } from "../../components/Loading.js";
import { BarList, ColumnChart, type Bar } from "./charts.js";
import { STATUSES, type Dashboard, type TaskStatus, type Unit } from "./types.js";
import "./dashboard.css";

/** Where a chart leads: the tasks page with its filters (status, overdue, agencyId, unitId). */
export function tasksLink(params: { status?: string; overdue?: boolean; agencyId?: number; unitId?: number | null }): string {
  return "/tasks" + query({ status: params.status, overdue: params.overdue ? "true" : undefined, agencyId: params.agencyId, unitId: params.unitId ?? undefined });
}

export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const { session, can } = useSession();
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get("unitId"));
  const unitId = Number.isInteger(raw) && raw > 0 ? raw : null;
  const { data, error, isPending } = useQuery({
    queryKey: ["dashboard", unitId],
    queryFn: ({ signal }) => api<Dashboard>("/api/dashboard" + query({ unitId }), { signal }),
  });
  const lang = i18n.language;
  const number = new Intl.NumberFormat(lang);
  const fmt = (n: number) => number.format(n);

  return (
    <section className="page dashboard" aria-labelledby="dashboard-title">
      <div className="page-head">
        <h1 id="dashboard-title">{t("dashboard.title")}</h1>
        {data ? <span className="muted">{data.unit ? data.unit.name : t("dashboard.national")}</span> : null}
        <div className="actions">
          <UnitPicker ownUnit={session.user.unit?.id ?? null} national={session.user.unit === null && session.user.agency === null} value={unitId} chosenName={data?.unit?.name ?? null} onChange={(id) => setParams(id === null ? {} : { unitId: String(id) })} />
        </div>
      </div>
      {isPending ? <Loading /> : error ? <ErrorNotice error={error} /> : <Charts data={data} unitId={unitId} fmt={fmt} showProposed={can("task.manage")} />}
    </section>
  );
}

function UnitPicker({ ownUnit, national, value, chosenName, onChange }: { ownUnit: number | null; national: boolean; value: number | null; chosenName: string | null; onChange: (id: number | null) => void }) {
  const { t } = useTranslation();
  const { data } = useQuery({
    queryKey: ["units", "children", ownUnit],
    queryFn: ({ signal }) => api<Unit[]>("/api/units" + query({ parent: ownUnit }), { signal }),
    enabled: national || ownUnit !== null,
    staleTime: 10 * 60_000,
  });
  if (!national && ownUnit === null) return null;
  const units = data ?? [];
  return (
    <div className="field field-inline">
      <label htmlFor="dashboard-unit">{t("dashboard.unit.label")}</label>
      <select id="dashboard-unit" value={value ?? ""} onChange={(e) => onChange(e.target.value === "" ? null : Number(e.target.value))}>
        <option value="">{national ? t("dashboard.unit.national") : t("dashboard.unit.own")}</option>
        {value !== null && !units.some((u) => u.id === value) ? <option value={value}>{chosenName ?? t("dashboard.unit.chosen", { id: value })}</option> : null}
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.fullName}
          </option>
        ))}
      </select>
    </div>
  );
}

function Charts({ data, unitId, fmt, showProposed }: { data: Dashboard; unitId: number | null; fmt: (n: number) => string; showProposed: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const day = new Intl.DateTimeFormat(lang, { day: "2-digit", month: "2-digit", timeZone: "Asia/Ho_Chi_Minh" });
  const date = new Intl.DateTimeFormat(lang, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Asia/Ho_Chi_Minh" });
  const time = new Intl.DateTimeFormat(lang, { dateStyle: "short", timeStyle: "short", timeZone: "Asia/Ho_Chi_Minh" });
  const scopeUnit = unitId ?? null;
  const statuses = STATUSES.filter((s) => showProposed || s !== "proposed");
  const tones: Record<TaskStatus, Bar["tone"]> = { open: "info", in_progress: "info", done: "ok", proposed: "warn", cancelled: "muted" };
  const statusBars: Bar[] = statuses.map((s) => ({ key: s, label: t(`dashboard.status.${s}`), value: data.status[s], to: tasksLink({ status: s, unitId: scopeUnit }), ariaLabel: t("dashboard.status.barLabel", { status: t(`dashboard.status.${s}`), count: data.status[s] }), tone: tones[s] }));
  const weekDay = (iso: string) => day.format(new Date(`${iso}T00:00:00+07:00`));
  const doneTotal = data.completion.reduce((sum, w) => sum + w.done, 0);
  const thisWeek = data.completion.at(-1)?.done ?? 0;

  return (
    <>
      <p className="muted dashboard-at">{t("dashboard.at", { time: time.format(new Date(data.at)) })}</p>
      <div className="dashboard-grid">
        <div className="dashboard-col">
          <section className="card dashboard-card" data-testid="dashboard-status" aria-labelledby="dash-status">
            <h2 id="dash-status">{t("dashboard.status.title")}</h2>
            <div className="kpis">
              <Link className="kpi" to={tasksLink({ unitId: scopeUnit })}>
                <span className="kpi-value">{fmt(data.status.total)}</span>
                <span className="kpi-label">{t("dashboard.status.total")}</span>
              </Link>
              <Link className="kpi kpi-danger" to={tasksLink({ overdue: true, unitId: scopeUnit })}>
                <span className="kpi-value">{fmt(data.status.overdue)}</span>
                <span className="kpi-label">{t("dashboard.status.overdue")}</span>
              </Link>
            </div>
            <BarList bars={statusBars} label={t("dashboard.status.title")} formatValue={fmt} />
          </section>
          <section className="card dashboard-card" data-testid="dashboard-completion" aria-labelledby="dash-completion">
            <h2 id="dash-completion">{t("dashboard.completion.title")}</h2>
            <p className="muted">{t("dashboard.completion.summary", { count: doneTotal, week: thisWeek })}</p>
            <ColumnChart
              label={t("dashboard.completion.title")}
              formatValue={fmt}
              columns={data.completion.map((w) => ({ key: w.weekStart, label: weekDay(w.weekStart), value: w.done, to: tasksLink({ status: "done", unitId: scopeUnit }), ariaLabel: t("dashboard.completion.barLabel", { date: weekDay(w.weekStart), count: w.done }) }))}
            />
            <details className="chart-table">
              <summary>{t("dashboard.completion.table")}</summary>
              <table>
                <caption className="visually-hidden">{t("dashboard.completion.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("dashboard.completion.week")}</th>
                    <th scope="col">{t("dashboard.completion.done")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.completion.map((w) => (
                    <tr key={w.weekStart}>
                      <th scope="row">{date.format(new Date(`${w.weekStart}T00:00:00+07:00`))}</th>
                      <td>{fmt(w.done)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </section>
          <section className="card dashboard-card" data-testid="dashboard-directives" aria-labelledby="dash-directives">
            <h2 id="dash-directives">{t("dashboard.directives.title")}</h2>
            <p className="kpi-line">
              <span className="kpi-value">{fmt(data.directives.total)}</span> <span className="muted">{t("dashboard.directives.since", { date: date.format(new Date(data.directives.since)) })}</span>
            </p>
            {data.directives.items.length === 0 ? (
              <p className="muted">{t("dashboard.directives.none")}</p>
            ) : (
              <ul className="plain-list">
                {data.directives.items.map((d) => (
                  <li key={d.id}>
                    <Link to={`/documents/${d.id}`}>{d.code ?? t("dashboard.directives.noCode")}</Link>
                    {d.subject ? <span className="doc-subject"> — {d.subject}</span> : null}
                    <span className="muted doc-meta">
                      {[d.issuer, d.date ? date.format(new Date(`${d.date}T00:00:00+07:00`)) : null].filter(Boolean).join(" · ")}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {data.directives.total > 0 ? (
              <p>
                <Link to={"/documents" + query({ from: isoDay(data.directives.since) })}>{t("dashboard.directives.all")}</Link>
              </p>
            ) : null}
          </section>
        </div>
        <div className="dashboard-col">
          <section className="card dashboard-card" data-testid="dashboard-overdue" aria-labelledby="dash-overdue">
            <h2 id="dash-overdue">{t("dashboard.overdue.title")}</h2>
            <p className="muted">{t("dashboard.overdue.summary", { count: data.overdue.total })}</p>
            {data.overdue.agencies.length === 0 ? (
              <p className="notice notice-ok">{t("dashboard.overdue.none")}</p>
            ) : (
              <BarList
                label={t("dashboard.overdue.title")}
                formatValue={fmt}
                bars={data.overdue.agencies.map((a, i) => ({
                  key: a.agency.id,
                  label: (
                    <>
                      <span className="rank">{i + 1}.</span> {a.agency.name}
                    </>
                  ),
                  value: a.overdue,
                  to: tasksLink({ overdue: true, agencyId: a.agency.id }),
                  ariaLabel: t("dashboard.overdue.barLabel", { rank: i + 1, agency: a.agency.name, count: a.overdue, date: date.format(new Date(a.oldestDueAt)) }),
                  note: t("dashboard.overdue.oldest", { date: date.format(new Date(a.oldestDueAt)) }),
                  tone: "danger",
                }))}
              />
            )}
          </section>
          <section className="card dashboard-card" data-testid="dashboard-silent" aria-labelledby="dash-silent">
            <h2 id="dash-silent">{t("dashboard.silent.title")}</h2>
            <p className="muted">{t("dashboard.silent.summary", { count: data.silent.total, date: date.format(new Date(data.silent.since)) })}</p>
            {data.silent.agencies.length === 0 ? (
              <p className="notice notice-ok">{t("dashboard.silent.none")}</p>
            ) : (
              <BarList
                label={t("dashboard.silent.title")}
                formatValue={fmt}
                bars={data.silent.agencies.map((a) => {
                  const last = a.lastReportAt ? t("dashboard.silent.last", { date: date.format(new Date(a.lastReportAt)) }) : t("dashboard.silent.never");
                  return {
                    key: a.agency.id,
                    label: a.agency.name,
                    value: a.silent,
                    to: tasksLink({ agencyId: a.agency.id }),
                    ariaLabel: t("dashboard.silent.barLabel", { agency: a.agency.name, count: a.silent, lead: a.lead, last }),
                    note: (
                      <>
                        {a.lead > 0 ? <span className="badge badge-overdue">{t("dashboard.silent.lead", { count: a.lead })}</span> : null} {last} · <Link to={`/directory/agencies/${a.agency.id}`}>{t("dashboard.silent.agencyPage")}</Link>
                      </>
                    ),
                    tone: "warn",
                  };
                })}
              />
            )}
          </section>
        </div>
      </div>
    </>
  );
}

/** The Vietnam calendar day of an instant (YYYY-MM-DD). */
function isoDay(at: string): string {
  return new Date(new Date(at).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
