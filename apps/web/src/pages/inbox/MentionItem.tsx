/**
 * @module pages/inbox/MentionItem
 * One agency mention: the words as written, where in the record, how it was resolved. One still
 * open (unresolved, ambiguous) is settled here: candidates to tick, the directory to search; the
 * choice is remembered as an alias. A task's lead or support mention, once settled, also gives
 * its agencies to the proposed task (the server does not carry a settlement over to proposals).
 */
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import type { Named } from "../../api/types.js";
import { ErrorNotice } from "../../components/ErrorNotice.js";
import { AgencyChips, type Scope } from "./AgencyPicker.js";
import { keys, type Mention, type TaskDetail } from "./api.js";

const ROLES = ["issuer", "recipient", "distribution", "lead", "support", "report_to", "body"];

export function mentionKey(m: { id: number }): string {
  return `mention:${m.id}`;
}

export function isOpen(m: Mention): boolean {
  return m.status !== "resolved";
}

interface Props {
  mention: Mention;
  documentId: string;
  scopes: Scope[];
  tasks: TaskDetail[];
  active: boolean;
  hasSpan: boolean;
  onActive(key: string | null): void;
  onShowInText(key: string): void;
}

export function MentionItem({ mention, documentId, scopes, tasks, active, hasSpan, onActive, onShowInText }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const open = isOpen(mention);
  const [editing, setEditing] = useState(false);
  const resolved = mention.agencies.filter((a) => a.kind === "resolved");
  const candidates = mention.agencies.filter((a) => a.kind === "candidate");
  const [chosen, setChosen] = useState<Named[]>(() => resolved.map((a) => ({ id: a.id, name: a.fullName || a.name })));
  const key = mentionKey(mention);

  const settle = useMutation({
    mutationFn: async () => {
      const agencyIds = chosen.map((a) => a.id);
      await api(`/api/review/${mention.id}`, { method: "POST", json: { agencyIds } });
      // A task's lead or support mention: give the chosen agencies to the proposed task too.
      const at = /^(tasks\[\d+\])\.(lead|support)\[\d+\]$/.exec(mention.path);
      const task = at ? tasks.find((x) => x.sourcePath === at[1] && x.status === "proposed") : undefined;
      if (at && task) {
        const role = at[2] as "lead" | "support";
        const current = task[role].map((a) => a.id);
        const wanted = [...new Set([...current, ...agencyIds])];
        if (wanted.length !== current.length) await api(`/api/tasks/${task.id}`, { method: "PATCH", json: { [role]: wanted }, ifMatch: task.version });
      }
    },
    onSuccess: () => {
      setEditing(false);
      void client.invalidateQueries({ queryKey: keys.mentions(documentId) });
      void client.invalidateQueries({ queryKey: keys.tasks(documentId) });
      void client.invalidateQueries({ queryKey: keys.queue });
    },
  });

  const role = ROLES.includes(mention.role) ? mention.role : "other";
  const toggle = (a: Named, on: boolean) => setChosen(on ? [...chosen.filter((c) => c.id !== a.id), a] : chosen.filter((c) => c.id !== a.id));

  return (
    <li
      id={`rec-${key}`}
      tabIndex={-1}
      className={`mention mention-${mention.status}` + (active ? " is-active" : "")}
      data-testid="mention"
      data-mention-id={mention.id}
      data-status={mention.status}
      onMouseEnter={() => onActive(key)}
      onMouseLeave={() => onActive(null)}
    >
      <div className="mention-head">
        <span className="mention-text">«{mention.text}»</span>
        <span className="badge">{t(`inbox.role.${role}`)}</span>
        <span className={`badge status-${mention.status}`}>{t(`inbox.status.${mention.status}`)}</span>
        {mention.reviewed && <span className="badge">{t("inbox.mention.reviewed")}</span>}
        {hasSpan && (
          <button type="button" className="button-link" onClick={() => onShowInText(key)}>
            {t("inbox.showInText")}
          </button>
        )}
        {open && !editing && (
          <>
            {candidates.length > 0 && <span className="muted">{t("inbox.mention.candidateCount", { count: candidates.length })}</span>}
            <button type="button" className="mention-choose" data-testid="mention-choose" onClick={() => setEditing(true)}>
              {t("inbox.mention.choose")}
            </button>
          </>
        )}
      </div>
      {resolved.length > 0 && !editing && (
        <p className="mention-agencies">
          → {resolved.map((a) => a.fullName || a.name).join("; ")}{" "}
          <button type="button" className="button-link" onClick={() => setEditing(true)}>
            {t("inbox.mention.change")}
          </button>
        </p>
      )}
      {editing && (
        <div className="mention-settle">
          {candidates.length > 0 && (
            <fieldset className="chips-field">
              <legend>{t("inbox.mention.candidates")}</legend>
              {candidates.map((c) => (
                <label key={c.id} className="check">
                  <input type="checkbox" checked={chosen.some((a) => a.id === c.id)} onChange={(e) => toggle({ id: c.id, name: c.fullName || c.name }, e.target.checked)} />
                  {c.fullName || c.name}
                </label>
              ))}
            </fieldset>
          )}
          <AgencyChips label={t("inbox.mention.agencies")} value={chosen} onChange={setChosen} scopes={scopes} disabled={settle.isPending} />
          {settle.error && <ErrorNotice error={settle.error} />}
          <div className="review-task-actions">
            <span className="muted">{t("inbox.mention.remembered")}</span>
            <span className="spacer" />
            <button type="button" onClick={() => setEditing(false)}>
              {t("common.cancel")}
            </button>
            <button type="button" className="button-primary" disabled={chosen.length === 0 || settle.isPending} onClick={() => settle.mutate()}>
              {t("inbox.mention.settle")}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
