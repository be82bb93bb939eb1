/**
 * @module pages/inbox/TaskCard
 * One proposed task in the review: what the parser read (title, text, deadline, lead and support
 * agencies by name), and the reviewer's actions: edit, split into parts, drop, confirm. Every
 * change carries the version it was made on (If-Match); a stale one says so and reloads.
 */
import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import type { Named } from "../../api/types.js";
import { ErrorNotice } from "../../components/ErrorNotice.js";
import { AgencyChips, type Scope } from "./AgencyPicker.js";
import { formatDate, keys, type Deadline, type Mention, type TaskDetail, type TaskItem } from "./api.js";

interface Props {
  task: TaskDetail;
  documentId: string;
  scopes: Scope[];
  /** The task's agency mentions still waiting for a person. */
  openMentions: Mention[];
  active: boolean;
  onActive(key: string | null): void;
  onShowInText(key: string): void;
  onOpenItem(key: string): void;
}

type Mode = "view" | "edit" | "split" | "drop";

export function taskKey(task: { id: number }): string {
  return `task:${task.id}`;
}

export function TaskCard({ task, documentId, scopes, openMentions, active, onActive, onShowInText, onOpenItem }: Props) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [mode, setMode] = useState<Mode>("view");
  const key = taskKey(task);
  const refresh = () => {
    void client.invalidateQueries({ queryKey: keys.tasks(documentId) });
    void client.invalidateQueries({ queryKey: keys.proposed });
  };
  const options = { onSuccess: () => { setMode("view"); refresh(); }, onError: refresh };
  const confirm = useMutation({ mutationFn: () => api<TaskItem[]>("/api/tasks/confirm", { method: "POST", json: { tasks: [{ id: task.id, version: task.version }] } }), ...options });
  const drop = useMutation({ mutationFn: () => api<TaskDetail>(`/api/tasks/${task.id}/drop`, { method: "POST", ifMatch: task.version }), ...options });
  const busy = confirm.isPending || drop.isPending;
  const noAgency = task.lead.length === 0 && task.support.length === 0;
  const titleId = `task-${task.id}-title`;

  return (
    <article
      id={`rec-${key}`}
      tabIndex={-1}
      className={"card review-task" + (active ? " is-active" : "")}
      data-testid="review-task"
      data-task-id={task.id}
      aria-labelledby={titleId}
      onMouseEnter={() => onActive(key)}
      onMouseLeave={() => onActive(null)}
    >
      <header className="review-task-head">
        <span className="badge badge-proposed">{task.ref ? t("inbox.task.ref", { ref: task.ref }) : t("inbox.task.noRef")}</span>
        <h3 id={titleId}>{task.title}</h3>
      </header>

      {mode === "edit" ? (
        <EditTask task={task} scopes={scopes} onDone={() => { setMode("view"); refresh(); }} onCancel={() => setMode("view")} onStale={refresh} />
      ) : mode === "split" ? (
        <SplitTask task={task} onDone={() => { setMode("view"); refresh(); }} onCancel={() => setMode("view")} onStale={refresh} />
      ) : (
        <>
          <dl className="review-task-facts">
            <dt>{t("inbox.task.deadline")}</dt>
            <dd>{deadlineText(task.deadline, task.deadlineText, t, i18n.language)}</dd>
            <dt>{t("inbox.task.lead")}</dt>
            <dd>{task.lead.length ? names(task.lead) : <span className="warn-text">{t("inbox.task.noLead")}</span>}</dd>
            <dt>{t("inbox.task.support")}</dt>
            <dd>{task.support.length ? names(task.support) : <span className="muted">{t("common.none")}</span>}</dd>
          </dl>
          {openMentions.length > 0 && (
            <ul className="review-task-open">
              {openMentions.map((m) => (
                <li key={m.id}>
                  <span className="warn-text">{t(`inbox.task.open.${m.role === "support" ? "support" : "lead"}`)}</span> «{m.text}»{" "}
                  <button type="button" className="button-link" onClick={() => onOpenItem(`mention:${m.id}`)}>
                    {t("inbox.task.settle")}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {task.text && (
            <details className="review-task-text">
              <summary>{t("inbox.task.text")}</summary>
              <p>{task.text}</p>
            </details>
          )}
          {noAgency && <p className="notice warn-notice">{t("inbox.task.needsAgency")}</p>}
          {mode === "drop" ? (
            <div className="review-task-actions" role="group" aria-label={t("inbox.task.dropQuestion")}>
              <span>{t("inbox.task.dropQuestion")}</span>
              <button type="button" className="button-danger" disabled={busy} onClick={() => drop.mutate()}>
                {t("inbox.task.dropYes")}
              </button>
              <button type="button" onClick={() => setMode("view")}>
                {t("common.cancel")}
              </button>
            </div>
          ) : (
            <div className="review-task-actions">
              {task.span && (
                <button type="button" className="button-link" onClick={() => onShowInText(key)}>
                  {t("inbox.showInText")}
                </button>
              )}
              <span className="spacer" />
              <button type="button" disabled={busy} onClick={() => setMode("edit")}>
                {t("inbox.task.edit")}
              </button>
              <button type="button" disabled={busy} onClick={() => setMode("split")}>
                {t("inbox.task.split")}
              </button>
              <button type="button" className="button-danger" disabled={busy} onClick={() => setMode("drop")}>
                {t("inbox.task.drop")}
              </button>
              <button type="button" className="button-primary" disabled={busy || noAgency} onClick={() => confirm.mutate()}>
                {t("inbox.task.confirm")}
              </button>
            </div>
          )}
          {confirm.error && <ErrorNotice error={confirm.error} />}
          {drop.error && <ErrorNotice error={drop.error} />}
        </>
      )}
    </article>
  );
}

function names(list: Named[]): string {
  return list.map((a) => a.name).join("; ");
}

function deadlineText(deadline: Deadline, source: string | null, t: (key: string, options?: Record<string, unknown>) => string, locale: string): string {
  if (deadline.kind === "fixed") return deadline.time ? t("inbox.task.dueAt", { date: formatDate(deadline.due, locale), time: deadline.time }) : formatDate(deadline.due, locale);
  if (deadline.kind === "recurring") return t("inbox.task.recurring", { text: deadline.text });
  return source ? t("inbox.task.noDeadlineSaid", { text: source }) : t("inbox.task.noDeadline");
}

function EditTask({ task, scopes, onDone, onCancel, onStale }: { task: TaskDetail; scopes: Scope[]; onDone(): void; onCancel(): void; onStale(): void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(task.title);
  const [text, setText] = useState(task.text);
  const [kind, setKind] = useState<Deadline["kind"]>(task.deadline.kind);
  const [due, setDue] = useState(task.deadline.kind === "fixed" ? task.deadline.due : "");
  const [time, setTime] = useState(task.deadline.kind === "fixed" ? (task.deadline.time ?? "") : "");
  const [lead, setLead] = useState<Named[]>(task.lead);
  const [support, setSupport] = useState<Named[]>(task.support);
  const save = useMutation({
    mutationFn: () => {
      const body: Record<string, unknown> = { lead: lead.map((a) => a.id), support: support.map((a) => a.id) };
      if (title.trim() && title !== task.title) body.title = title.trim();
      if (text.trim() && text !== task.text) body.text = text.trim();
      if (kind === "fixed" && due) body.deadline = time ? { kind, due, time } : { kind, due };
      else if (kind === "none" && task.deadline.kind !== "none") body.deadline = { kind: "none" };
      return api<TaskDetail>(`/api/tasks/${task.id}`, { method: "PATCH", json: body, ifMatch: task.version });
    },
    onSuccess: onDone,
    onError: onStale,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const id = `task-${task.id}`;
  return (
    <form className="review-task-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t("inbox.task.title")}</label>
        <input id={`${id}-title`} value={title} maxLength={300} required onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t("inbox.task.text")}</label>
        <textarea id={`${id}-text`} value={text} rows={5} required onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="filters">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t("inbox.task.deadline")}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Deadline["kind"])}>
            <option value="none">{t("inbox.task.kind.none")}</option>
            <option value="fixed">{t("inbox.task.kind.fixed")}</option>
            {task.deadline.kind === "recurring" && <option value="recurring">{t("inbox.task.kind.recurring")}</option>}
          </select>
        </div>
        {kind === "fixed" && (
          <>
            <div className="field">
              <label htmlFor={`${id}-due`}>{t("inbox.task.due")}</label>
              <input id={`${id}-due`} type="date" value={due} required onChange={(e) => setDue(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-time`}>{t("inbox.task.time")}</label>
              <input id={`${id}-time`} type="time" value={time} onChange={(e) => setTime(e.target.value)} />
            </div>
          </>
        )}
        {kind === "recurring" && task.deadline.kind === "recurring" && <p className="muted">{task.deadline.text}</p>}
      </div>
      <AgencyChips label={t("inbox.task.lead")} value={lead} onChange={setLead} scopes={scopes} />
      <AgencyChips label={t("inbox.task.support")} value={support} onChange={setSupport} scopes={scopes} />
      {save.error && <ErrorNotice error={save.error} />}
      <div className="review-task-actions">
        <span className="spacer" />
        <button type="button" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {t("common.save")}
        </button>
      </div>
    </form>
  );
}

/** A first guess at the parts: the text's sentences or clauses, else the whole and an empty one. */
function guessParts(text: string): string[] {
  const parts = text
    .split(/(?<=[;.])\s+(?=[-–+•]?\s*\p{Lu})|\n+/u)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length >= 2 ? parts : [text, ""];
}

function SplitTask({ task, onDone, onCancel, onStale }: { task: TaskDetail; onDone(): void; onCancel(): void; onStale(): void }) {
  const { t } = useTranslation();
  const [parts, setParts] = useState<string[]>(() => guessParts(task.text || task.title));
  const filled = parts.map((p) => p.trim()).filter(Boolean);
  const split = useMutation({
    mutationFn: () => api<TaskItem[]>(`/api/tasks/${task.id}/split`, { method: "POST", json: { parts: filled.map((text) => ({ text })) }, ifMatch: task.version }),
    onSuccess: onDone,
    onError: onStale,
  });
  return (
    <form
      className="review-task-form"
      onSubmit={(e) => {
        e.preventDefault();
        split.mutate();
      }}
    >
      <p className="muted">{t("inbox.split.hint")}</p>
      {parts.map((part, i) => (
        <div className="field" key={i}>
          <label htmlFor={`task-${task.id}-part-${i}`}>{t("inbox.split.part", { n: i + 1 })}</label>
          <div className="split-part">
            <textarea id={`task-${task.id}-part-${i}`} rows={3} value={part} onChange={(e) => setParts(parts.map((p, j) => (j === i ? e.target.value : p)))} />
            {parts.length > 2 && (
              <button type="button" className="button-quiet" aria-label={t("inbox.split.remove", { n: i + 1 })} onClick={() => setParts(parts.filter((_, j) => j !== i))}>
                ×
              </button>
            )}
          </div>
        </div>
      ))}
      {split.error && <ErrorNotice error={split.error} />}
      <div className="review-task-actions">
        <button type="button" onClick={() => setParts([...parts, ""])}>
          {t("inbox.split.add")}
        </button>
        <span className="spacer" />
        <button type="button" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button type="submit" className="button-primary" disabled={filled.length < 2 || split.isPending}>
          {t("inbox.split.submit", { count: filled.length })}
        </button>
      </div>
    </form>
  );
}
