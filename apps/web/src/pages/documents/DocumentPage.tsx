/**
 * @module pages/documents/DocumentPage
 * One document: its record (code, type, date, issuer, subject, recipients, signer, distribution,
 * citations), its tasks and their progress, the original files to download, the reporting
 * summary, and the cascade from the central directive down through this document.
 */
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/ErrorNotice.js";
import { Loading } from "../../components/Loading.js";
import { CascadeGraph } from "./CascadeGraph.js";
import { formatDate, formatSize, useCascade, useDirectiveSummary, useDocument, useDocumentTasks, TASKS_SHOWN, type DocumentDetail, type DocumentSummary, type TaskItem } from "./data.js";
import { DateText, PlaceholderBadge, codeOf, typeLabel } from "./parts.js";
import "./documents.css";

export default function DocumentPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const doc = useDocument(id);
  const heading = useRef<HTMLHeadingElement>(null);
  const code = doc.data ? codeOf(doc.data, t) : null;

  useEffect(() => {
    if (code) document.title = `${code} · ${t("app.name")}`;
  }, [code, t]);
  // Moving from one document to another (a cascade node): announce the new page.
  useEffect(() => {
    if (doc.data) heading.current?.focus({ preventScroll: true });
  }, [doc.data?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  if (doc.isPending) return <Loading />;
  if (doc.error) {
    return (
      <section className="page document-page">
        <BackLink />
        <ErrorNotice error={doc.error} />
      </section>
    );
  }
  const d = doc.data;
  const type = typeLabel(d, t);
  return (
    <section className="page document-page">
      <BackLink />
      <header className="doc-head">
        <h1 ref={heading} tabIndex={-1}>
          {type ? <span className="doc-head-type">{type} </span> : null}
          {codeOf(d, t)}
        </h1>
        {d.status === "placeholder" ? <PlaceholderBadge /> : null}
        {d.subject ? <p className="doc-head-subject">{d.subject}</p> : null}
      </header>
      {d.status === "placeholder" ? <p className="notice">{t("documents.detail.placeholderNotice")}</p> : null}
      <div className="doc-layout">
        <RecordCard doc={d} />
        <div className="doc-side">
          <FilesCard doc={d} />
          {d.status === "stored" ? <SummaryCard id={d.id} /> : null}
        </div>
      </div>
      {d.status === "stored" ? <TasksSection id={d.id} /> : null}
      <CascadeSection id={d.id} />
    </section>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <p className="doc-back">
      <Link to="/documents">← {t("documents.detail.back")}</Link>
    </p>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === "" || (Array.isArray(children) && children.length === 0)) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function RecordCard({ doc }: { doc: DocumentDetail }) {
  const { t, i18n } = useTranslation();
  const r = doc.record;
  const signer = r?.signer;
  const signerText = signer && (signer.name || signer.title) ? [signer.authority?.length ? `${signer.authority.join(". ")}.` : null, signer.title, signer.name].filter(Boolean).join(" ") : null;
  const issuer = r?.issuer?.parent && doc.issuer ? `${doc.issuer} (${r.issuer.parent})` : doc.issuer;
  return (
    <section className="card doc-record" data-testid="document-record" aria-labelledby="doc-record-title">
      <h2 id="doc-record-title">{t("documents.detail.record")}</h2>
      <dl className="doc-dl">
        <Row label={t("documents.field.code")}>{doc.code}</Row>
        <Row label={t("documents.field.type")}>{typeLabel(doc, t)}</Row>
        <Row label={t("documents.field.date")}>{doc.date ? <DateText value={doc.date} /> : null}</Row>
        <Row label={t("documents.field.place")}>{r?.place}</Row>
        <Row label={t("documents.field.issuer")}>{issuer}</Row>
        <Row label={t("documents.field.subject")}>{doc.subject}</Row>
        <Row label={t("documents.field.urgency")}>{[r?.urgency, r?.secrecy].filter(Boolean).join(", ") || null}</Row>
        <Row label={t("documents.field.recipients")}>{r?.recipients?.length ? <NameList names={r.recipients} /> : null}</Row>
        <Row label={t("documents.field.signer")}>{signerText}</Row>
        <Row label={t("documents.field.distribution")}>{r?.distribution?.length ? <NameList names={r.distribution} /> : null}</Row>
        <Row label={t("documents.field.cites")}>{doc.cites.length ? <DocList docs={doc.cites} /> : null}</Row>
        <Row label={t("documents.field.citedBy")}>{doc.citedBy.length ? <DocList docs={doc.citedBy} /> : null}</Row>
        <Row label={t("documents.field.ingestedAt")}>{doc.status === "stored" ? formatDate(doc.ingestedAt, i18n.language) : null}</Row>
      </dl>
      {doc.status === "stored" && !r ? <p className="muted">{t("documents.detail.noRecord")}</p> : null}
    </section>
  );
}

function NameList({ names }: { names: string[] }) {
  return (
    <ul className="doc-names">
      {names.map((n, i) => (
        <li key={i}>{n}</li>
      ))}
    </ul>
  );
}

function DocList({ docs }: { docs: DocumentSummary[] }) {
  const { t } = useTranslation();
  return (
    <ul className="doc-names">
      {docs.map((c) => (
        <li key={c.id}>
          <Link to={`/documents/${c.id}`} className={c.status === "placeholder" ? "doc-link-placeholder" : undefined}>
            {codeOf(c, t)}
          </Link>
          {c.status === "placeholder" ? (
            <>
              {" "}
              <PlaceholderBadge />
            </>
          ) : null}
          {c.date || c.issuer ? (
            <span className="muted">
              {" "}
              · {c.issuer}
              {c.issuer && c.date ? ", " : null}
              <DateText value={c.date} />
            </span>
          ) : null}
          {c.subject ? <span className="doc-cite-subject">{c.subject}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function FilesCard({ doc }: { doc: DocumentDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby="doc-files-title">
      <h2 id="doc-files-title">{t("documents.detail.files")}</h2>
      {doc.files.length === 0 ? (
        <p className="muted">{t("documents.detail.noFiles")}</p>
      ) : (
        <ul className="doc-files">
          {doc.files.map((f) => (
            <li key={f.sha256}>
              <a href={`/api/files/${f.sha256}`} download={f.fileName} data-testid="document-file">
                <span aria-hidden="true">⬇ </span>
                {f.fileName}
              </a>
              <span className="muted">
                {" "}
                ({formatSize(f.size, i18n.language)})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SummaryCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const tasks = useDocumentTasks(id);
  const has = (tasks.data?.total ?? 0) > 0;
  const summary = useDirectiveSummary(id, has);
  if (!has || !summary.data) return null;
  const { totals, silent } = summary.data;
  return (
    <section className="card" aria-labelledby="doc-summary-title">
      <h2 id="doc-summary-title">{t("documents.summary.title")}</h2>
      <p className="muted">{t("documents.summary.period")}</p>
      <ul className="doc-stats">
        <li>
          <strong>{totals.agencies}</strong> {t("documents.summary.agencies")}
        </li>
        <li>
          <strong>{totals.reported}</strong> {t("documents.summary.reported")}
        </li>
        <li className={totals.silent ? "doc-stat-warn" : undefined}>
          <strong>{totals.silent}</strong> {t("documents.summary.silent")}
        </li>
        <li className={totals.overdueShares ? "overdue" : undefined}>
          <strong>{totals.overdueShares}</strong> {t("documents.summary.overdue")}
        </li>
      </ul>
      {silent.length ? (
        <>
          <h3>{t("documents.summary.silentList")}</h3>
          <ul className="doc-names">
            {silent.slice(0, 12).map((s) => (
              <li key={s.agency.id}>
                {s.agency.fullName ?? s.agency.name}
                {s.lead ? <span className="muted"> ({t("documents.summary.lead")})</span> : null}
              </li>
            ))}
          </ul>
          {silent.length > 12 ? <p className="muted">{t("documents.summary.more", { n: silent.length - 12 })}</p> : null}
        </>
      ) : null}
    </section>
  );
}

function TasksSection({ id }: { id: string }) {
  const { t } = useTranslation();
  const tasks = useDocumentTasks(id);
  return (
    <section className="card" aria-labelledby="doc-tasks-title">
      <h2 id="doc-tasks-title">
        {t("documents.tasks.title")}
        {tasks.data ? <span className="muted doc-count"> ({tasks.data.total})</span> : null}
      </h2>
      {tasks.isPending ? <Loading /> : null}
      {tasks.error ? <ErrorNotice error={tasks.error} /> : null}
      {tasks.data && tasks.data.items.length === 0 ? <p className="muted">{t("documents.tasks.none")}</p> : null}
      {tasks.data && tasks.data.items.length > 0 ? (
        <div className="table-scroll">
          <table className="doc-tasks">
            <thead>
              <tr>
                <th scope="col">{t("documents.tasks.ref")}</th>
                <th scope="col">{t("documents.tasks.task")}</th>
                <th scope="col">{t("documents.tasks.lead")}</th>
                <th scope="col">{t("documents.tasks.due")}</th>
                <th scope="col">{t("documents.tasks.status")}</th>
                <th scope="col">{t("documents.tasks.progress")}</th>
              </tr>
            </thead>
            <tbody>
              {tasks.data.items.map((task) => (
                <TaskRow key={task.id} task={task} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {tasks.data && tasks.data.total > TASKS_SHOWN ? (
        <p className="muted">
          {t("documents.tasks.more", { n: TASKS_SHOWN, total: tasks.data.total })} <Link to={`/tasks?document=${id}`}>{t("documents.tasks.all")}</Link>
        </p>
      ) : null}
    </section>
  );
}

function TaskRow({ task }: { task: TaskItem }) {
  const { t, i18n } = useTranslation();
  const due = task.deadline.kind === "fixed" ? formatDate(task.deadline.due, i18n.language) + (task.deadline.time ? ` ${task.deadline.time}` : "") : task.deadline.kind === "recurring" ? task.deadline.text : (task.deadline.text ?? (task.dueAt ? formatDate(task.dueAt, i18n.language) : ""));
  const percent = Math.max(0, Math.min(100, Math.round(task.percent)));
  return (
    <tr data-testid="document-task" className={task.overdue ? "doc-task-overdue" : undefined}>
      <td className="doc-task-ref">{task.ref ?? ""}</td>
      <td>
        <Link to={`/tasks/${task.id}`}>{task.title}</Link>
        {task.support.length ? (
          <div className="muted doc-task-support">
            {t("documents.tasks.support")}: <Agencies list={task.support} />
          </div>
        ) : null}
      </td>
      <td>
        <Agencies list={task.lead} />
      </td>
      <td className={task.overdue ? "overdue" : undefined}>
        {due || <span className="muted">{t("documents.tasks.noDue")}</span>}
        {task.overdue ? (
          <>
            {" "}
            <span className="badge badge-overdue">{t("documents.tasks.overdue")}</span>
          </>
        ) : null}
      </td>
      <td>
        <span className={`badge badge-${task.status}`}>{t(`documents.taskStatus.${task.status}`)}</span>
      </td>
      <td className="doc-task-progress">
        <div className="doc-progress">
        <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t("documents.tasks.progressOf", { title: task.title })}>
          <span style={{ width: `${percent}%` }} />
        </div>
        <span className="doc-percent">{percent}%</span>
        </div>
      </td>
    </tr>
  );
}

function CascadeSection({ id }: { id: string }) {
  const { t } = useTranslation();
  const cascade = useCascade(id);
  const data = cascade.data;
  const alone = data && data.up.nodes.length <= 1 && data.down.nodes.length <= 1;
  return (
    <section className="card" aria-labelledby="doc-cascade-title">
      <h2 id="doc-cascade-title">{t("documents.cascade.title")}</h2>
      <p className="muted">{t("documents.cascade.intro")}</p>
      {cascade.isPending ? <Loading /> : null}
      {cascade.error ? <ErrorNotice error={cascade.error} /> : null}
      {alone ? <p className="muted">{t("documents.cascade.alone")}</p> : null}
      {data && !alone ? <CascadeGraph root={id} up={data.up} down={data.down} /> : null}
    </section>
  );
}

const AGENCIES_SHOWN = 3;

/** The first few agencies; the rest behind a button. */
function Agencies({ list }: { list: { id: number; name: string }[] }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? list : list.slice(0, AGENCIES_SHOWN);
  return (
    <>
      {shown.map((a) => a.name).join(", ")}
      {list.length > AGENCIES_SHOWN ? (
        <>
          {" "}
          <button type="button" className="button-link doc-more" aria-expanded={all} onClick={() => setAll(!all)}>
            {all ? t("documents.tasks.fewer") : t("documents.tasks.andMore", { n: list.length - AGENCIES_SHOWN })}
          </button>
        </>
      ) : null}
    </>
  );
}
