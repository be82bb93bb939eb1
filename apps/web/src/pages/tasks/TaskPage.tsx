/**
 * @module pages/tasks/TaskPage
 * One task: what it asks, of whom, by when; its shares with their progress; for the agency that
 * holds a share (or an office acting for it): the share's status and percent, a progress report
 * in the form directives ask for (results; difficulties; proposals; percent; attachments), and
 * handing the share down to lower units. The task's reports, newest first. An office confirms
 * or drops a proposed task here too.
 */
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useLocation, useParams } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { useSession } from "../../auth/session.js";
import { ErrorNotice } from "../../components/ErrorNotice.js";
import { Loading } from "../../components/Loading.js";
import { formatDay, formatMoment, formatSize, taskKeys, type Report, type Share, type TaskDetail, type TaskItem } from "./model.js";
import { Due, Picker, Progress, StatusBadge, searchAgencies, searchUnits, type Picked } from "./parts.js";
import "./tasks.css";

const MAX_FILES = 10;

export default function TaskPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const { session, can } = useSession();
  const location = useLocation();
  const task = useQuery({ queryKey: taskKeys.detail(id), queryFn: ({ signal }) => api<TaskDetail>(`/api/tasks/${id}`, { signal }), enabled: Number.isInteger(id) && id > 0 });
  const reports = useQuery({ queryKey: taskKeys.reports(id), queryFn: ({ signal }) => api<Report[]>(`/api/tasks/${id}/reports`, { signal }), enabled: task.isSuccess });
  const agencyId = session.user.agency?.id ?? null;
  const live = task.data && task.data.confirmedAt !== null && task.data.status !== "cancelled" && task.data.status !== "proposed";
  const mine = (task.data?.shares ?? []).filter((s) => s.status !== "cancelled" && (agencyId === null ? can("assignment.report") : s.agency.id === agencyId));
  const [shareId, setShareId] = useState<number | null>(null);
  const share = mine.find((s) => s.id === shareId) ?? mine[0] ?? null;
  const reportSection = useRef<HTMLElement>(null);

  useEffect(() => {
    if (location.hash === "#report" && task.isSuccess && reportSection.current) reportSection.current.focus();
  }, [location.hash, task.isSuccess]);

  if (!Number.isInteger(id) || id <= 0 || task.error) return <section className="page">{task.error ? <ErrorNotice error={task.error} /> : <p>{t("notFound.body")}</p>}</section>;
  if (task.isPending) return <Loading />;
  const d = task.data;

  return (
    <article className="page task-page" aria-labelledby="task-title">
      <p className="task-crumbs">
        <Link to={agencyId !== null ? "/my-tasks" : "/tasks"}>{agencyId !== null ? t("tasks.mine.title") : t("tasks.title")}</Link>
        {d.parentId !== null && (
          <>
            {" › "}
            <Link to={`/tasks/${d.parentId}`}>{t("tasks.detail.parent")}</Link>
          </>
        )}
      </p>
      <div className="page-head">
        <h1 id="task-title">
          {d.ref ? `${d.ref}. ` : ""}
          {d.title}
        </h1>
        <StatusBadge status={d.status} overdue={d.overdue} />
      </div>
      {d.status === "proposed" && can("task.manage") && <ReviewActions task={d} />}

      <div className="task-grid">
        <section className="card" aria-labelledby="facts-title">
          <h2 id="facts-title">{t("tasks.detail.facts")}</h2>
          <dl className="task-facts">
            <dt>{t("tasks.detail.document")}</dt>
            <dd>
              {d.document ? (
                <Link to={`/documents/${d.document.id}`}>
                  {[d.document.code, d.document.date ? formatDay(d.document.date, i18n.language) : null].filter(Boolean).join(" · ") || t("tasks.detail.untitledDocument")}
                </Link>
              ) : (
                <span className="muted">{t("tasks.detail.noDocument")}</span>
              )}
              {d.document?.subject && <span className="task-doc-subject">{d.document.subject}</span>}
            </dd>
            <dt>{t("tasks.detail.deadline")}</dt>
            <dd>
              {d.deadline.kind === "fixed" && d.dueAt ? (
                <span className={d.overdue ? "overdue" : undefined}>{d.deadline.time ? formatMoment(d.dueAt, i18n.language) : formatDay(d.dueAt, i18n.language)}</span>
              ) : d.deadline.kind === "recurring" ? (
                <span>
                  {d.deadline.text}
                  {d.dueAt && (
                    <span className="muted">
                      {" "}
                      ({t("tasks.detail.nextDue")}: <Due dueAt={d.dueAt} overdue={d.overdue} />)
                    </span>
                  )}
                </span>
              ) : (
                <span className="muted">{t("tasks.noDeadline")}</span>
              )}
              {d.deadlineText && d.deadline.kind !== "recurring" && <span className="muted task-quote"> “{d.deadlineText}”</span>}
            </dd>
            <dt>{t("tasks.detail.lead")}</dt>
            <dd>{d.lead.length ? d.lead.map((a) => a.name).join("; ") : <span className="muted">{t("tasks.noLead")}</span>}</dd>
            <dt>{t("tasks.detail.support")}</dt>
            <dd>{d.support.length ? d.support.map((a) => a.name).join("; ") : <span className="muted">{t("common.none")}</span>}</dd>
            {d.reportTo && (
              <>
                <dt>{t("tasks.detail.reportTo")}</dt>
                <dd>{d.reportTo}</dd>
              </>
            )}
            <dt>{t("tasks.progress")}</dt>
            <dd>
              <Progress percent={d.percent} />
            </dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="text-title">
          <h2 id="text-title">{t("tasks.detail.text")}</h2>
          <p className="task-text">{d.text}</p>
        </section>
      </div>

      <section className="card" aria-labelledby="shares-title">
        <h2 id="shares-title">{t("tasks.shares.title")}</h2>
        {d.shares.length === 0 ? (
          <p className="muted">{t("tasks.shares.none")}</p>
        ) : (
          <div className="task-table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("tasks.shares.agency")}</th>
                  <th scope="col">{t("tasks.shares.role")}</th>
                  <th scope="col">{t("tasks.table.status")}</th>
                  <th scope="col">{t("tasks.table.progress")}</th>
                  <th scope="col">{t("tasks.table.due")}</th>
                  <th scope="col">{t("tasks.shares.lastReport")}</th>
                  <th scope="col">{t("tasks.shares.subtasks")}</th>
                </tr>
              </thead>
              <tbody>
                {d.shares.map((s) => (
                  <tr key={s.id} className={s.overdue ? "overdue" : undefined}>
                    <th scope="row">{s.agency.name}</th>
                    <td>{t(`tasks.role.${s.role}`)}</td>
                    <td>
                      <StatusBadge status={s.status} overdue={s.overdue} />
                    </td>
                    <td>
                      <Progress percent={s.percent} label={t("tasks.shares.progressOf", { name: s.agency.name })} />
                    </td>
                    <td>
                      <Due dueAt={s.dueAt} overdue={s.overdue} />
                    </td>
                    <td>{s.lastReportAt ? formatMoment(s.lastReportAt, i18n.language) : <span className="muted">{t("tasks.shares.noReport")}</span>}</td>
                    <td>
                      {s.subtasks.length === 0 ? (
                        <span className="muted">{t("common.none")}</span>
                      ) : (
                        <ul className="task-subtasks">
                          {s.subtasks.map((sub) => (
                            <li key={sub.id}>
                              <Link to={`/tasks/${sub.id}`}>{sub.lead.map((a) => a.name).join("; ") || sub.title}</Link> <span className="muted">{Math.round(sub.percent)}%</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {live && share && (
        <section className="card task-work" id="report" ref={reportSection} tabIndex={-1} aria-labelledby="work-title">
          <h2 id="work-title">{t("tasks.work.title")}</h2>
          {mine.length > 1 && (
            <div className="field task-share-pick">
              <label htmlFor="share-pick">{t("tasks.work.share")}</label>
              <select id="share-pick" value={share.id} onChange={(e) => setShareId(Number(e.target.value))}>
                {mine.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.agency.name} ({t(`tasks.role.${s.role}`)})
                  </option>
                ))}
              </select>
            </div>
          )}
          <ShareStatusForm key={`status-${share.id}-${share.version}`} share={share} />
          <ReportForm key={`report-${share.id}`} share={share} />
          {can("assignment.delegate") && <DelegateForm key={`delegate-${share.id}`} share={share} />}
        </section>
      )}

      <section className="card" aria-labelledby="reports-title">
        <h2 id="reports-title">{t("tasks.reports.title")}</h2>
        {reports.isPending ? <Loading /> : reports.error ? <ErrorNotice error={reports.error} /> : reports.data.length === 0 ? <p className="muted">{t("tasks.reports.none")}</p> : <ReportList reports={reports.data} />}
      </section>
    </article>
  );
}

function ReviewActions({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const done = () => client.invalidateQueries({ queryKey: ["tasks"] });
  const confirm = useMutation({ mutationFn: () => api<TaskItem[]>("/api/tasks/confirm", { method: "POST", json: { tasks: [{ id: task.id, version: task.version }] } }), onSuccess: done });
  const drop = useMutation({ mutationFn: () => api<TaskDetail>(`/api/tasks/${task.id}/drop`, { method: "POST", ifMatch: task.version }), onSuccess: done });
  return (
    <div className="notice task-review" role="group" aria-label={t("tasks.review.label")}>
      <span>{t("tasks.review.text")}</span>
      <button type="button" className="button-primary" disabled={confirm.isPending || drop.isPending} onClick={() => confirm.mutate()}>
        {t("tasks.review.confirm")}
      </button>
      <button type="button" className="button-danger" disabled={confirm.isPending || drop.isPending} onClick={() => window.confirm(t("tasks.bulk.dropAsk", { count: 1 })) && drop.mutate()}>
        {t("tasks.review.drop")}
      </button>
      {(confirm.error ?? drop.error) && <ErrorNotice error={confirm.error ?? drop.error} />}
    </div>
  );
}

function ShareStatusForm({ share }: { share: Share }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [status, setStatus] = useState(share.reportedStatus === "cancelled" ? "open" : share.reportedStatus);
  const [percent, setPercent] = useState(String(Math.round(share.reportedPercent)));
  const save = useMutation({
    mutationFn: () => api(`/api/assignments/${share.id}`, { method: "PATCH", json: { status, percent: Number(percent) }, ifMatch: share.version }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["tasks"] }),
  });
  const bad = !/^\d{1,3}$/.test(percent) || Number(percent) > 100;
  return (
    <form
      className="task-form task-status-form"
      aria-labelledby={`status-${share.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!bad) save.mutate();
      }}
    >
      <h3 id={`status-${share.id}`}>{t("tasks.work.statusTitle")}</h3>
      <div className="filters">
        <div className="field">
          <label htmlFor="share-status">{t("tasks.table.status")}</label>
          <select id="share-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            {["open", "in_progress", "done"].map((s) => (
              <option key={s} value={s}>
                {t(`tasks.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="share-percent">{t("tasks.work.percent")}</label>
          <input id="share-percent" type="number" min={0} max={100} step={1} inputMode="numeric" value={percent} onChange={(e) => setPercent(e.target.value)} aria-invalid={bad} aria-describedby={bad ? "share-percent-error" : undefined} />
        </div>
        <button type="submit" disabled={save.isPending || bad}>
          {save.isPending ? t("tasks.work.saving") : t("common.save")}
        </button>
      </div>
      {bad && (
        <p className="field-error" id="share-percent-error" role="alert">
          {t("tasks.work.percentInvalid")}
        </p>
      )}
      {save.error && <ErrorNotice error={save.error} />}
      {save.isSuccess && (
        <p className="notice notice-ok" role="status">
          {t("tasks.work.saved")}
        </p>
      )}
      <p className="muted task-hint">{t("tasks.work.statusHint", { percent: Math.round(share.percent) })}</p>
    </form>
  );
}

function ReportForm({ share }: { share: Share }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [results, setResults] = useState("");
  const [difficulties, setDifficulties] = useState("");
  const [proposals, setProposals] = useState("");
  const [percent, setPercent] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const send = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.set("results", results);
      form.set("difficulties", difficulties);
      form.set("proposals", proposals);
      form.set("percent", percent.trim());
      for (const file of files) form.append("file", file, file.name);
      return api(`/api/assignments/${share.id}/reports`, { method: "POST", form });
    },
    onSuccess: async () => {
      setResults("");
      setDifficulties("");
      setProposals("");
      setPercent("");
      setFiles([]);
      if (fileInput.current) fileInput.current.value = "";
      await client.invalidateQueries({ queryKey: ["tasks"] });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const p = percent.trim();
    if (!results.trim() && !difficulties.trim() && !proposals.trim() && !p && files.length === 0) return setProblem(t("tasks.report.empty"));
    if (p && (!/^\d{1,3}$/.test(p) || Number(p) > 100)) return setProblem(t("tasks.work.percentInvalid"));
    if (files.length > MAX_FILES) return setProblem(t("tasks.report.tooManyFiles", { count: MAX_FILES }));
    setProblem(null);
    send.mutate();
  }
  return (
    <form className="task-form task-report-form" onSubmit={submit} aria-labelledby={`report-${share.id}`} noValidate>
      <h3 id={`report-${share.id}`}>{t("tasks.report.title")}</h3>
      <p className="muted task-hint">{t("tasks.report.hint", { name: share.agency.name })}</p>
      <div className="field">
        <label htmlFor="report-results">{t("tasks.report.results")}</label>
        <textarea id="report-results" data-testid="report-results" rows={4} value={results} onChange={(e) => setResults(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="report-difficulties">{t("tasks.report.difficulties")}</label>
        <textarea id="report-difficulties" data-testid="report-difficulties" rows={3} value={difficulties} onChange={(e) => setDifficulties(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="report-proposals">{t("tasks.report.proposals")}</label>
        <textarea id="report-proposals" data-testid="report-proposals" rows={3} value={proposals} onChange={(e) => setProposals(e.target.value)} />
      </div>
      <div className="filters">
        <div className="field">
          <label htmlFor="report-percent">{t("tasks.report.percent")}</label>
          <input id="report-percent" data-testid="report-percent" type="number" min={0} max={100} step={1} inputMode="numeric" value={percent} onChange={(e) => setPercent(e.target.value)} aria-describedby="report-percent-hint" />
          <span className="muted task-hint" id="report-percent-hint">
            {t("tasks.report.percentHint")}
          </span>
        </div>
        <div className="field">
          <label htmlFor="report-attachments">{t("tasks.report.attachments")}</label>
          <input id="report-attachments" data-testid="report-attachments" ref={fileInput} type="file" multiple onChange={(e) => setFiles([...(e.target.files ?? [])])} aria-describedby="report-attachments-hint" />
          <span className="muted task-hint" id="report-attachments-hint">
            {files.length ? files.map((f) => `${f.name} (${formatSize(f.size)})`).join(", ") : t("tasks.report.attachmentsHint", { count: MAX_FILES })}
          </span>
        </div>
      </div>
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      {send.error && <ErrorNotice error={send.error} />}
      {send.isSuccess && (
        <p className="notice notice-ok" role="status">
          {t("tasks.report.sent")}
        </p>
      )}
      <div>
        <button type="submit" className="button-primary" data-testid="report-submit" disabled={send.isPending}>
          {send.isPending ? t("tasks.report.sending") : t("tasks.report.submit")}
        </button>
      </div>
    </form>
  );
}

function DelegateForm({ share }: { share: Share }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [mode, setMode] = useState<"fanout" | "agencies">("fanout");
  const [role, setRole] = useState("ubnd");
  const [level, setLevel] = useState<"district" | "commune">("district");
  const [unit, setUnit] = useState<Picked | null>(null);
  const [targets, setTargets] = useState<Picked[]>([]);
  const [due, setDue] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () =>
      api<{ created: TaskItem[]; skipped: number[] }>(`/api/assignments/${share.id}/delegate`, {
        method: "POST",
        json: { targets: mode === "fanout" ? { role: role.trim(), level } : targets.map((a) => Number(a.id)), ...(due ? { deadline: { kind: "fixed", due } } : {}) },
      }),
    onSuccess: async () => {
      setTargets([]);
      await client.invalidateQueries({ queryKey: ["tasks"] });
    },
  });
  return (
    <form
      className="task-form task-delegate-form"
      aria-labelledby={`delegate-${share.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (mode === "fanout" && !role.trim()) return setProblem(t("tasks.delegate.roleMissing"));
        if (mode === "agencies" && targets.length === 0) return setProblem(t("tasks.delegate.targetsMissing"));
        setProblem(null);
        send.mutate();
      }}
    >
      <h3 id={`delegate-${share.id}`}>{t("tasks.delegate.title")}</h3>
      <p className="muted task-hint">{t("tasks.delegate.hint")}</p>
      <fieldset className="task-modes">
        <legend>{t("tasks.delegate.to")}</legend>
        <label>
          <input type="radio" name="delegate-mode" checked={mode === "fanout"} onChange={() => setMode("fanout")} /> {t("tasks.delegate.fanout")}
        </label>
        <label>
          <input type="radio" name="delegate-mode" checked={mode === "agencies"} onChange={() => setMode("agencies")} /> {t("tasks.delegate.agencies")}
        </label>
      </fieldset>
      {mode === "fanout" ? (
        <div className="filters">
          <div className="field">
            <label htmlFor="delegate-role">{t("tasks.delegate.role")}</label>
            <input id="delegate-role" value={role} onChange={(e) => setRole(e.target.value)} aria-describedby="delegate-role-hint" />
            <span className="muted task-hint" id="delegate-role-hint">
              {t("tasks.delegate.roleHint")}
            </span>
          </div>
          <div className="field">
            <label htmlFor="delegate-level">{t("tasks.delegate.level")}</label>
            <select id="delegate-level" value={level} onChange={(e) => setLevel(e.target.value as "district" | "commune")}>
              <option value="district">{t("tasks.delegate.district")}</option>
              <option value="commune">{t("tasks.delegate.commune")}</option>
            </select>
          </div>
        </div>
      ) : (
        <div className="filters">
          <Picker label={t("tasks.delegate.unit")} value={unit} searchKey={["unit"]} search={searchUnits} onChange={setUnit} />
          <Picker label={t("tasks.delegate.agency")} value={null} searchKey={["agency", unit?.id ?? null]} search={(q, signal) => searchAgencies(q, unit ? Number(unit.id) : null, signal)} onChange={(p) => p && setTargets((list) => (list.some((a) => a.id === p.id) ? list : [...list, p]))} />
          {targets.length > 0 && (
            <ul className="task-chips" aria-label={t("tasks.delegate.chosen")}>
              {targets.map((a) => (
                <li key={a.id}>
                  {a.name}
                  <button type="button" className="button-quiet" aria-label={t("tasks.picker.clear", { name: a.name })} onClick={() => setTargets((list) => list.filter((x) => x.id !== a.id))}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="field task-due-field">
        <label htmlFor="delegate-due">{t("tasks.delegate.due")}</label>
        <input id="delegate-due" type="date" value={due} onChange={(e) => setDue(e.target.value)} aria-describedby="delegate-due-hint" />
        <span className="muted task-hint" id="delegate-due-hint">
          {t("tasks.delegate.dueHint")}
        </span>
      </div>
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      {send.error && <ErrorNotice error={send.error} />}
      {send.data && (
        <p className="notice notice-ok" role="status">
          {t("tasks.delegate.done", { count: send.data.created.length })}
          {send.data.skipped.length > 0 && ` ${t("tasks.delegate.skipped", { count: send.data.skipped.length })}`}
        </p>
      )}
      <div>
        <button type="submit" data-testid="delegate-submit" disabled={send.isPending}>
          {send.isPending ? t("tasks.delegate.sending") : t("tasks.delegate.submit")}
        </button>
      </div>
    </form>
  );
}

function ReportList({ reports }: { reports: Report[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="task-reports">
      {reports.map((r) => (
        <li key={r.id} className="task-report">
          <p className="task-report-head">
            <strong>{r.agency.fullName || r.agency.name}</strong>
            <span className="muted">
              {r.author ? `${r.author.name} · ` : ""}
              <time dateTime={r.createdAt}>{formatMoment(r.createdAt, i18n.language)}</time>
            </span>
            {r.percent !== null && <Progress percent={r.percent} label={t("tasks.report.percent")} />}
          </p>
          <dl className="task-report-body">
            {(["results", "difficulties", "proposals"] as const).map((k) =>
              r[k].trim() ? (
                <div key={k}>
                  <dt>{t(`tasks.report.${k}`)}</dt>
                  <dd>{r[k]}</dd>
                </div>
              ) : null,
            )}
          </dl>
          {r.attachments.length > 0 && (
            <ul className="task-attachments" aria-label={t("tasks.report.attachments")}>
              {r.attachments.map((a) => (
                <li key={a.sha256}>
                  <a href={`/api/reports/${r.id}/attachments/${a.sha256}`} download={a.fileName}>
                    {a.fileName}
                  </a>{" "}
                  <span className="muted">({formatSize(a.size)})</span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
