/**
 * @module pages/dashboard/charts
 * Hand-made charts: plain HTML bars that are links, so every bar is reachable by keyboard,
 * read by a screen reader as its label and number, and leads to the list behind it.
 */
import type { ReactNode } from "react";
import { Link } from "react-router";

export interface Bar {
  key: string | number;
  label: ReactNode;
  value: number;
  /** The list behind the bar. */
  to: string;
  /** Read by assistive technology instead of label and value. */
  ariaLabel: string;
  note?: ReactNode;
  tone?: "danger" | "ok" | "info" | "warn" | "muted";
}

/** Horizontal bars, one list item (a link) each: the list is the chart's own text alternative. */
export function BarList({ bars, label, formatValue }: { bars: Bar[]; label: string; formatValue: (n: number) => string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <ol className="bar-list" aria-label={label}>
      {bars.map((b) => (
        <li key={b.key}>
          <Link to={b.to} className="bar-link" aria-label={b.ariaLabel}>
            <span className="bar-label">{b.label}</span>
            <span className="bar-track" aria-hidden="true">
              <span className={`bar-fill tone-${b.tone ?? "info"}`} style={{ width: `${(b.value / max) * 100}%` }} />
            </span>
            <span className="bar-value">{formatValue(b.value)}</span>
          </Link>
          {b.note ? <span className="bar-note muted">{b.note}</span> : null}
        </li>
      ))}
    </ol>
  );
}

export interface Column {
  key: string;
  /** Short label under the column. */
  label: string;
  value: number;
  to: string;
  ariaLabel: string;
}

/** Vertical columns (a time series); each column is a link. Pair it with a table. */
export function ColumnChart({ columns, label, formatValue }: { columns: Column[]; label: string; formatValue: (n: number) => string }) {
  const max = Math.max(1, ...columns.map((c) => c.value));
  return (
    <ol className="column-chart" aria-label={label}>
      {columns.map((c) => (
        <li key={c.key}>
          <Link to={c.to} className="column-link" aria-label={c.ariaLabel}>
            <span className="column-value">{formatValue(c.value)}</span>
            <span className="column-track" aria-hidden="true">
              <span className="column-fill" style={{ height: `${(c.value / max) * 100}%` }} />
            </span>
            <span className="column-label" aria-hidden="true">
              {c.label}
            </span>
          </Link>
        </li>
      ))}
    </ol>
  );
}
