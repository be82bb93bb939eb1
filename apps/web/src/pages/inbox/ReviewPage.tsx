/**
 * @module pages/inbox/ReviewPage
 * The review of one parsed document. Left: the normalized text, every extracted field, citation,
 * agency mention and task highlighted at its source span. Right: the record (its header fields
 * corrected in place by a reviewer who may ingest documents, RecordEditor), the agency mentions with a directory picker for the open
 * ones, and the proposed tasks to edit, split, drop or confirm. Hovering or focusing an item on
 * one side marks it on the other; activating it brings it into view. One click publishes: every
 * remaining proposed task is confirmed at the version the reviewer saw.
 */
import { useCallback, useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, query } from "../../api/client.js";
import type { Page } from "../../api/types.js";
import { useSession } from "../../auth/session.js";
import { ErrorNotice } from "../../components/ErrorNotice.js";
import { Loading } from "../../components/Loading.js";
import { useScopes } from "./AgencyPicker.js";
import { formatDate, keys, useAgency, useDocument, useMentions, useProposedTasks, type DocumentDetail, type Mention, type Span, type TaskDetail, type TaskItem } from "./api.js";
import { isOpen, MentionItem, mentionKey } from "./MentionItem.js";
import { RecordEditor } from "./RecordEditor.js";
import { SourceText, type Highlight } from "./SourceText.js";
import { TaskCard, taskKey } from "./TaskCard.js";
import "./inbox.css";

const FIELDS = ["issuer", "code", "type", "date", "place", "subject", "signer", "urgency", "secrecy"] as const;
type FieldName = (typeof FIELDS)[number];

/** The order open mentions are worth a reviewer's time: tasks' agencies first. */
const ROLE_ORDER: Record<string, number> = { lead: 0, support: 1, issuer: 2, body: 3, report_to: 4, recipient: 5, distribution: 6 };

export default function ReviewPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const doc = useDocument(id);
  const mentions = useMentions(id);
  const { list, tasks } = useProposedTasks(id);
  const [active, setActive] = useState<string | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const [published, setPublished] = useState<TaskItem[] | null>(null);
  const [editing, setEditing] = useState(false);
  const { can } = useSession();
  const mayEdit = can("document.ingest") || can("catalog.edit");

  const issuerAgency = mentions.data?.find((m) => m.path === "issuer")?.agencies.find((a) => a.kind === "resolved")?.id ?? null;
  const taskUnit = list.data?.items.find((x) => x.unitId !== null)?.unitId ?? null;
  const agency = useAgency(taskUnit === null ? issuerAgency : null);
  const scopes = useScopes(taskUnit ?? agency.data?.unitId ?? null);

  const record = doc.data?.record ?? null;
  const spanOfMention = useCallback((m: Mention): Span | null => m.span ?? record?.spans[m.path] ?? null, [record]);

  const highlights = useMemo(() => (record ? highlightsOf(record, doc.data!, mentions.data ?? [], tasks, spanOfMention, t) : []), [record, doc.data, mentions.data, tasks, spanOfMention, t]);

  const onOpen = useCallback((key: string) => {
    const reveal = () => {
      const el = document.getElementById(`rec-${key}`);
      if (!el) return;
      el.scrollIntoView({ block: "nearest", behavior: "smooth" });
      el.focus({ preventScroll: true });
    };
    if (key.startsWith("mention:") && !document.getElementById(`rec-${key}`)) {
      setShowResolved(true);
      setTimeout(reveal, 50);
    } else reveal();
  }, []);

  const onShowInText = useCallback((key: string) => {
    const el = document.querySelector<HTMLElement>(`.source-text [data-keys~="${CSS.escape(key)}"]`);
    if (!el) return;
    el.scrollIntoView({ block: "center", behavior: "smooth" });
    const target = el.matches("mark") ? el : el.querySelector<HTMLElement>(".hl-badge");
    target?.focus({ preventScroll: true });
    setActive(key);
  }, []);

  if (doc.isPending) return <Loading />;
  if (doc.error) return <ErrorNotice error={doc.error} />;
  const d = doc.data;
  const all = mentions.data ?? [];
  const open = all.filter(isOpen).sort((a, b) => (ROLE_ORDER[a.role] ?? 9) - (ROLE_ORDER[b.role] ?? 9) || (spanOfMention(a)?.start ?? 1e9) - (spanOfMention(b)?.start ?? 1e9) || a.id - b.id);
  const settled = all.filter((m) => !isOpen(m));
  const openOfTask = (task: TaskDetail) => (task.sourcePath ? open.filter((m) => m.path.startsWith(`${task.sourcePath}.`) && (m.role === "lead" || m.role === "support")) : []);

  return (
    <section className="page review" aria-labelledby="review-title">
      <div className="page-head">
        <h1 id="review-title">{t("inbox.review.title", { code: d.code ?? t("inbox.noCode") })}</h1>
        <div className="actions">
          <Link to="/inbox">{t("inbox.review.back")}</Link>
        </div>
      </div>

      <Publish documentId={id} tasks={tasks} loading={list.isPending} openMentions={open.length} published={published} onPublished={setPublished} />

      <div className="review-panes">
        <section className="review-pane review-source card" aria-labelledby="source-title">
          <div className="pane-head">
            <h2 id="source-title">{t("inbox.review.source")}</h2>
            <Legend />
          </div>
          {record ? <SourceText text={record.text} highlights={highlights} active={active} onActive={setActive} onOpen={onOpen} /> : <p className="muted">{t("inbox.review.noRecord")}</p>}
        </section>

        <div className="review-pane review-record">
          <section className="card" aria-labelledby="record-title">
            <div className="record-head">
              <h2 id="record-title">{t("inbox.record.title")}</h2>
              {record && mayEdit && !editing && d.status === "stored" && (
                <button type="button" onClick={() => setEditing(true)}>
                  {t("inbox.record.edit")}
                </button>
              )}
            </div>
            {record && editing ? (
              <RecordEditor doc={d} record={record} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
            ) : (
              record && <Fields record={record} active={active} onActive={setActive} onShowInText={onShowInText} />
            )}
            {d.files.length > 0 && (
              <p className="small">
                {t("inbox.record.files")}:{" "}
                {d.files.map((f, i) => (
                  <span key={f.sha256}>
                    {i > 0 ? ", " : ""}
                    <a href={`/api/files/${f.sha256}`} target="_blank" rel="noreferrer">
                      {f.fileName}
                    </a>
                  </span>
                ))}
              </p>
            )}
          </section>

          {record && record.citations.length > 0 && (
            <section className="card" aria-labelledby="citations-title">
              <h2 id="citations-title">{t("inbox.citations.title", { count: record.citations.length })}</h2>
              <ul className="review-list">
                {record.citations.map((c, i) => {
                  const key = `citation:${i}`;
                  const linked = d.cites.find((x) => x.code === c.code);
                  return (
                    <li key={key} id={`rec-${key}`} tabIndex={-1} className={"review-item" + (active === key ? " is-active" : "")} onMouseEnter={() => setActive(key)} onMouseLeave={() => setActive(null)}>
                      <strong>{c.code}</strong> {c.issuer ? `· ${c.issuer}` : ""} {c.date ? `· ${formatDate(c.date, i18n.language)}` : ""}
                      {linked && (
                        <>
                          {" "}
                          <span className="badge">{t(`inbox.citations.${linked.status}`)}</span>{" "}
                          <Link to={`/documents/${linked.id}`}>{t("inbox.citations.open")}</Link>
                        </>
                      )}{" "}
                      {c.spans.length > 0 && (
                        <button type="button" className="button-link" onClick={() => onShowInText(key)}>
                          {t("inbox.showInText")}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          )}

          <section className="card" aria-labelledby="mentions-title">
            <h2 id="mentions-title">{t("inbox.mentions.title")}</h2>
            {mentions.isPending && <Loading />}
            {mentions.error && <ErrorNotice error={mentions.error} />}
            {mentions.data && (
              <>
                <h3>{t("inbox.mentions.open", { count: open.length })}</h3>
                {open.length === 0 ? (
                  <p className="muted">{t("inbox.mentions.allSettled")}</p>
                ) : (
                  <ul className="review-list">
                    {open.map((m) => (
                      <MentionItem key={m.id} mention={m} documentId={id} scopes={scopes} tasks={tasks} active={active === mentionKey(m)} hasSpan={spanOfMention(m) !== null} onActive={setActive} onShowInText={onShowInText} />
                    ))}
                  </ul>
                )}
                <details open={showResolved} onToggle={(e) => setShowResolved(e.currentTarget.open)}>
                  <summary>{t("inbox.mentions.settled", { count: settled.length })}</summary>
                  {showResolved && (
                    <ul className="review-list">
                      {settled.map((m) => (
                        <MentionItem key={m.id} mention={m} documentId={id} scopes={scopes} tasks={tasks} active={active === mentionKey(m)} hasSpan={spanOfMention(m) !== null} onActive={setActive} onShowInText={onShowInText} />
                      ))}
                    </ul>
                  )}
                </details>
              </>
            )}
          </section>

          <section className="card" aria-labelledby="tasks-title">
            <h2 id="tasks-title">{t("inbox.tasks.title", { count: tasks.length })}</h2>
            {list.isPending && <Loading />}
            {list.error && <ErrorNotice error={list.error} />}
            {list.data && tasks.length === 0 && <p className="muted">{published ? t("inbox.tasks.allPublished") : t("inbox.tasks.none")}</p>}
            <div className="review-tasks">
              {tasks.map((task) => (
                <TaskCard key={task.id} task={task} documentId={id} scopes={scopes} openMentions={openOfTask(task)} active={active === taskKey(task)} onActive={setActive} onShowInText={onShowInText} onOpenItem={onOpen} />
              ))}
            </div>
          </section>
        </div>
      </div>
    </section>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <ul className="legend" aria-label={t("inbox.legend.title")}>
      <li>
        <span className="hl hl-field">{t("inbox.legend.field")}</span>
      </li>
      <li>
        <span className="hl hl-citation">{t("inbox.legend.citation")}</span>
      </li>
      <li>
        <span className="hl hl-mention">{t("inbox.legend.mention")}</span>
      </li>
      <li>
        <span className="hl hl-mention-open">{t("inbox.legend.mentionOpen")}</span>
      </li>
      <li>
        <span className="hl hl-task">{t("inbox.legend.task")}</span>
      </li>
    </ul>
  );
}

function fieldSpan(record: NonNullable<DocumentDetail["record"]>, name: FieldName): Span | null {
  if (name === "issuer") return record.issuer?.span ?? record.spans.issuer ?? null;
  if (name === "signer") return record.signer.span ?? record.spans.signer ?? null;
  return record.spans[name] ?? null;
}

function fieldValue(record: NonNullable<DocumentDetail["record"]>, name: FieldName, locale: string): string | null {
  switch (name) {
    case "issuer":
      return record.issuer ? [record.issuer.parent, record.issuer.name].filter(Boolean).join(" · ") : null;
    case "type":
      return record.type?.name ?? null;
    case "date":
      return record.date ? formatDate(record.date, locale) : null;
    case "signer": {
      const s = record.signer;
      const text = [s.authority.length ? s.authority.join(", ") + "." : "", s.title, s.name].filter(Boolean).join(" ");
      return text || null;
    }
    default:
      return record[name] ?? null;
  }
}

function Fields({ record, active, onActive, onShowInText }: { record: NonNullable<DocumentDetail["record"]>; active: string | null; onActive(key: string | null): void; onShowInText(key: string): void }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="review-fields">
      {FIELDS.map((name) => {
        const value = fieldValue(record, name, i18n.language);
        if (!value && (name === "urgency" || name === "secrecy" || name === "place")) return null;
        const key = `field:${name}`;
        const span = fieldSpan(record, name);
        return (
          <div key={name} id={`rec-${key}`} tabIndex={-1} className={"review-field" + (active === key ? " is-active" : "")} onMouseEnter={() => onActive(key)} onMouseLeave={() => onActive(null)}>
            <dt>{t(`inbox.field.${name}`)}</dt>
            <dd>
              {value ?? <span className="warn-text">{t("inbox.field.missing")}</span>}
              {span && (
                <>
                  {" "}
                  <button type="button" className="button-link" onClick={() => onShowInText(key)} aria-label={t("inbox.showFieldInText", { field: t(`inbox.field.${name}`) })}>
                    {t("inbox.showInText")}
                  </button>
                </>
              )}
            </dd>
          </div>
        );
      })}
      <div className="review-field">
        <dt>{t("inbox.field.recipients")}</dt>
        <dd>{record.recipients.length ? record.recipients.join("; ") : <span className="muted">{t("common.none")}</span>}</dd>
      </div>
    </dl>
  );
}

function highlightsOf(record: NonNullable<DocumentDetail["record"]>, doc: DocumentDetail, mentions: Mention[], tasks: TaskDetail[], spanOf: (m: Mention) => Span | null, t: (key: string, options?: Record<string, unknown>) => string): Highlight[] {
  const out: Highlight[] = [];
  for (const name of FIELDS) {
    const span = fieldSpan(record, name);
    if (span) out.push({ keys: [`field:${name}`], kind: "field", ...span, label: t(`inbox.field.${name}`) });
  }
  record.citations.forEach((c, i) => {
    for (const span of c.spans) out.push({ keys: [`citation:${i}`], kind: "citation", ...span, label: t("inbox.legend.citation") });
  });
  for (const m of mentions) {
    const span = spanOf(m);
    if (!span) continue;
    const role = t(`inbox.role.${m.role in ROLE_ORDER ? m.role : "other"}`);
    out.push({ keys: [mentionKey(m)], kind: isOpen(m) ? "mention-open" : "mention", ...span, label: `${role} (${t(`inbox.status.${m.status}`)})` });
  }
  const byPath = new Map<string, (typeof record.tasks)[number]>(record.tasks.map((task, i) => [`tasks[${i}]`, task]));
  for (const task of tasks) {
    const span = task.span ?? (task.sourcePath ? byPath.get(task.sourcePath)?.span : undefined);
    if (!span) continue;
    const ref = task.ref ?? "";
    out.push({ keys: [taskKey(task)], kind: "task", ...span, label: t("inbox.task.label", { ref, title: task.title }), badge: t("inbox.task.ref", { ref }) });
  }
  void doc;
  return out;
}

function Publish({ documentId, tasks, loading, openMentions, published, onPublished }: { documentId: string; tasks: TaskDetail[]; loading: boolean; openMentions: number; published: TaskItem[] | null; onPublished(items: TaskItem[]): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const blocked = tasks.filter((x) => x.lead.length === 0 && x.support.length === 0);
  const live = useQuery({ queryKey: [...keys.tasks(documentId), "live"], queryFn: () => api<Page<TaskItem>>(`/api/tasks${query({ document: documentId, status: "open,in_progress,done", limit: 500 })}`) });
  const earlier = published ? [] : (live.data?.items ?? []);
  const publish = useMutation({
    mutationFn: () => api<TaskItem[]>("/api/tasks/confirm", { method: "POST", json: { tasks: tasks.map((x) => ({ id: x.id, version: x.version })) } }),
    onSuccess: (items) => onPublished(items),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: keys.tasks(documentId) });
      void client.invalidateQueries({ queryKey: keys.proposed });
    },
  });
  return (
    <div className="publish-bar card">
      <div className="publish-status">
        <strong>{t("inbox.publish.tasks", { count: tasks.length })}</strong>
        {openMentions > 0 && <span className="warn-text">{t("inbox.publish.openMentions", { count: openMentions })}</span>}
        {blocked.length > 0 && <span className="warn-text">{t("inbox.publish.blocked", { refs: blocked.map((x) => x.ref ?? x.id).join(", ") })}</span>}
      </div>
      <button type="button" className="button-primary" data-testid="publish" disabled={loading || publish.isPending || tasks.length === 0 || blocked.length > 0} onClick={() => publish.mutate()}>
        {publish.isPending ? t("inbox.publish.publishing") : tasks.length === 0 && !loading ? t("inbox.publish.nothing") : t("inbox.publish.button", { count: tasks.length })}
      </button>
      {publish.error && <ErrorNotice error={publish.error} />}
      {earlier.length > 0 && (
        <details className="publish-earlier">
          <summary>{t("inbox.publish.earlier", { count: earlier.length })}</summary>
          <ul>
            {earlier.map((x) => (
              <li key={x.id}>
                <Link to={`/tasks/${x.id}`}>{x.ref ? t("inbox.task.ref", { ref: x.ref }) : `#${x.id}`}</Link> — {x.title}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div role="status" aria-live="polite" className="publish-result">
        {published && (
          <div className="notice notice-ok">
            <p>{t("inbox.publish.done", { count: published.length })}</p>
            <ul>
              {published.map((x) => (
                <li key={x.id}>
                  <Link to={`/tasks/${x.id}`}>{x.ref ? t("inbox.task.ref", { ref: x.ref }) : `#${x.id}`}</Link> — {x.title} ({x.lead.map((a) => a.name).join("; ")})
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
