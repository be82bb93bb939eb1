/**
 * @module pages/inbox/SourceText
 * The document's normalized text with every extracted item highlighted at its source span.
 * Highlights nest (a task's paragraph holds its agency mentions and citations); one that crosses
 * another is clipped so the text is never repeated. A highlight holding others is a tinted block
 * with a small button at its start; a leaf is itself the button. Hover or focus on either side
 * marks both (the `active` key); activating one brings its item on the right into view.
 */
import { memo, useMemo, type ReactNode } from "react";

export type HighlightKind = "field" | "citation" | "mention" | "mention-open" | "task";

export interface Highlight {
  /** The items this span stands for (a field and the mention at the same words share one). */
  keys: string[];
  kind: HighlightKind;
  start: number;
  end: number;
  /** What the highlight is, for assistive technology ("Trích yếu", "Cơ quan chủ trì …"). */
  label: string;
  /** A short badge for a highlight that holds others ("NV 2"). */
  badge?: string;
}

interface Node {
  h: Highlight | null;
  start: number;
  end: number;
  children: Node[];
}

const ORDER: Record<HighlightKind, number> = { task: 0, field: 1, citation: 2, "mention-open": 3, mention: 3 };

/** Highlights at the same span merge; the rest nest by containment, crossings are clipped. */
export function treeOf(length: number, highlights: Highlight[]): Node {
  const merged = new Map<string, Highlight>();
  for (const h of highlights) {
    if (h.end <= h.start || h.start < 0 || h.end > length) continue;
    const at = `${h.start}:${h.end}`;
    const same = merged.get(at);
    if (!same) merged.set(at, { ...h, keys: [...h.keys] });
    else {
      same.keys.push(...h.keys);
      if (ORDER[h.kind] > ORDER[same.kind]) {
        same.kind = h.kind;
        same.label = `${same.label}; ${h.label}`;
      } else same.label = `${same.label}; ${h.label}`;
    }
  }
  const sorted = [...merged.values()].sort((a, b) => a.start - b.start || b.end - a.end || ORDER[a.kind] - ORDER[b.kind]);
  const root: Node = { h: null, start: 0, end: length, children: [] };
  const stack: Node[] = [root];
  for (const h of sorted) {
    let start = h.start;
    while (stack.length > 1 && start >= stack[stack.length - 1]!.end) stack.pop();
    const top = stack[stack.length - 1]!;
    const last = top.children[top.children.length - 1];
    if (last && start < last.end) start = last.end;
    const end = Math.min(h.end, top.end);
    if (start >= end) continue;
    const node: Node = { h, start, end, children: [] };
    top.children.push(node);
    stack.push(node);
  }
  return root;
}

interface Props {
  text: string;
  highlights: Highlight[];
  active: string | null;
  onActive(key: string | null): void;
  onOpen(key: string): void;
}

export const SourceText = memo(function SourceText({ text, highlights, active, onActive, onOpen }: Props) {
  const tree = useMemo(() => treeOf(text.length, highlights), [text, highlights]);
  const render = (node: Node): ReactNode[] => {
    const out: ReactNode[] = [];
    let at = node.start;
    for (const child of node.children) {
      if (child.start > at) out.push(text.slice(at, child.start));
      out.push(mark(child));
      at = child.end;
    }
    if (at < node.end) out.push(text.slice(at, node.end));
    return out;
  };

  function mark(node: Node): ReactNode {
    const key = `${node.start}:${node.end}`;
    const h = node.h!;
    const primary = h.keys[0]!;
    const isActive = active !== null && h.keys.includes(active);
    const className = `hl hl-${h.kind}` + (isActive ? " is-active" : "");
    const events = {
      onMouseEnter: () => onActive(primary),
      onMouseLeave: () => onActive(null),
      onFocus: () => onActive(primary),
      onBlur: () => onActive(null),
    };
    if (node.children.length > 0 || h.kind === "task") {
      return (
        <span key={key} className={className} data-keys={h.keys.join(" ")}>
          <button type="button" className="hl-badge" aria-label={h.label} onClick={() => onOpen(primary)} {...events}>
            {h.badge ?? "•"}
          </button>
          {render(node)}
        </span>
      );
    }
    return (
      <mark
        key={key}
        className={className}
       
        data-keys={h.keys.join(" ")}
        role="button"
        tabIndex={0}
        aria-label={`${h.label}: ${text.slice(node.start, node.end)}`}
        onClick={() => onOpen(primary)}
        onKeyDown={(e) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            onOpen(primary);
          }
        }}
        {...events}
      >
        {render(node)}
      </mark>
    );
  }

  return <div className="source-text">{render(tree)}</div>;
});
