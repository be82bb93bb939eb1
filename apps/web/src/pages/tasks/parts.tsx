/**
 * @module pages/tasks/parts
 * Small pieces the task pages share: a status badge, a progress bar with its number, the due
 * day (red when late), and a search-and-pick field for an agency, a unit or a document.
 */
import { useEffect, useId, useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, query } from "../../api/client.js";
import { daysUntil, formatDay } from "./model.js";

export function StatusBadge({ status, overdue = false }: { status: string; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="task-badges">
      <span className={`badge badge-${status}`}>{t(`tasks.status.${status}`, { defaultValue: status })}</span>
      {overdue && <span className="badge badge-overdue">{t("tasks.overdue")}</span>}
    </span>
  );
}

export function Progress({ percent, label }: { percent: number; label?: string }) {
  const { t } = useTranslation();
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <span className="task-progress">
      <span className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} aria-label={label ?? t("tasks.progress")}>
        <span style={{ width: `${value}%` }} />
      </span>
      <span className="task-progress-number">{value}%</span>
    </span>
  );
}

/** The due day, and how far it is ("3 days left", "5 days late"). */
export function Due({ dueAt, overdue, recurring }: { dueAt: string | null; overdue: boolean; recurring?: boolean }) {
  const { t, i18n } = useTranslation();
  if (!dueAt) return <span className="muted">{t("tasks.noDeadline")}</span>;
  const days = daysUntil(dueAt);
  return (
    <span className={overdue ? "overdue" : undefined}>
      <time dateTime={dueAt}>{formatDay(dueAt, i18n.language)}</time>
      {recurring && <span className="muted"> · {t("tasks.recurring")}</span>}
      <span className="task-due-rel">{overdue ? t("tasks.daysLate", { count: Math.max(1, -days) }) : days >= 0 && days <= 7 ? t("tasks.daysLeft", { count: days }) : ""}</span>
    </span>
  );
}

export interface Picked {
  id: string;
  name: string;
}

interface PickerProps {
  /** The field's label. */
  label: string;
  value: Picked | null;
  onChange: (value: Picked | null) => void;
  /** Fetches the matches of the words typed. */
  search: (q: string, signal: AbortSignal) => Promise<Picked[]>;
  /** Part of the query key (what is searched, within what). */
  searchKey: readonly unknown[];
  placeholder?: string;
}

/** Type a few words, pick one match: the matches are buttons in a list under the field. */
export function Picker({ label, value, onChange, search, searchKey, placeholder }: PickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState("");
  const [words, setWords] = useState("");
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const timer = setTimeout(() => setWords(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const matches = useQuery({ queryKey: ["tasks", "pick", ...searchKey, words], queryFn: ({ signal }) => search(words, signal), enabled: open && words.length >= 2, staleTime: 60_000 });
  if (value)
    return (
      <div className="field">
        <span className="picker-label" id={`${id}-label`}>
          {label}
        </span>
        <span className="picker-chosen" aria-labelledby={`${id}-label`}>
          <span className="picker-name" title={value.name}>
            {value.name}
          </span>
          <button type="button" className="button-quiet picker-clear" aria-label={t("tasks.picker.clear", { name: value.name })} onClick={() => onChange(null)}>
            ×
          </button>
        </span>
      </div>
    );
  return (
    <div
      className="field picker"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          setOpen(false);
          input.current?.focus();
        }
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <label htmlFor={id}>{label}</label>
      <input
        ref={input}
        id={id}
        type="search"
        value={text}
        placeholder={placeholder ?? t("tasks.picker.placeholder")}
        autoComplete="off"
        aria-controls={`${id}-list`}
        aria-expanded={open && words.length >= 2}
        onFocus={() => setOpen(true)}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            (document.getElementById(`${id}-list`)?.querySelector("button") as HTMLButtonElement | null)?.focus();
          }
        }}
      />
      {open && words.length >= 2 && (
        <div className="picker-list" id={`${id}-list`}>
          {matches.isPending ? (
            <p className="muted">{t("common.loading")}</p>
          ) : matches.error ? (
            <p className="muted">{t("tasks.picker.failed")}</p>
          ) : (matches.data ?? []).length === 0 ? (
            <p className="muted">{t("tasks.picker.noMatch")}</p>
          ) : (
            <ul>
              {(matches.data ?? []).map((m) => (
                <li key={m.id}>
                  <button
                    type="button"
                    onClick={() => {
                      onChange(m);
                      setText("");
                      setOpen(false);
                    }}
                    onKeyDown={(e) => {
                      const li = e.currentTarget.parentElement;
                      if (e.key === "ArrowDown") {
                        e.preventDefault();
                        (li?.nextElementSibling?.querySelector("button") as HTMLButtonElement | null)?.focus();
                      } else if (e.key === "ArrowUp") {
                        e.preventDefault();
                        const prev = li?.previousElementSibling?.querySelector("button") as HTMLButtonElement | null;
                        (prev ?? input.current)?.focus();
                      }
                    }}
                  >
                    {m.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

interface AgencyRow {
  id: number;
  name: string;
  fullName: string;
}
interface UnitRow {
  id: number;
  name: string;
  fullName: string;
  level: string;
}
interface DocumentRow {
  id: string;
  code: string | null;
  subject: string | null;
  date: string | null;
}

export async function searchAgencies(q: string, unit: number | null | undefined, signal: AbortSignal): Promise<Picked[]> {
  const rows = await api<AgencyRow[]>(`/api/agencies${query({ q, unit: unit ?? undefined, limit: 20 })}`, { signal });
  return rows.map((a) => ({ id: String(a.id), name: a.fullName || a.name }));
}

export async function searchUnits(q: string, signal: AbortSignal): Promise<Picked[]> {
  const rows = await api<UnitRow[]>(`/api/units${query({ q })}`, { signal });
  return rows.slice(0, 20).map((u) => ({ id: String(u.id), name: u.fullName || u.name }));
}

export async function searchDocuments(q: string, signal: AbortSignal): Promise<Picked[]> {
  const page = await api<{ items: DocumentRow[] }>(`/api/documents${query({ q, limit: 15 })}`, { signal });
  return page.items.map((d) => ({ id: d.id, name: [d.code, d.subject].filter(Boolean).join(" — ") || d.id }));
}
