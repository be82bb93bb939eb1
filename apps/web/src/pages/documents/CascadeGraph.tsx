/**
 * @module pages/documents/CascadeGraph
 * The cascade drawn as layered SVG: the central directive at the top, this document highlighted,
 * documents issued to implement it below; placeholders (cited, not ingested) dashed. Each node
 * is a link (Tab to it, Enter to open). Drag the background to pan; the buttons (or Ctrl + wheel)
 * zoom. An ordered list of the layers is the graph's text alternative.
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent, type WheelEvent } from "react";
import { Link, useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import type { Cascade } from "./data.js";
import { formatDate } from "./data.js";
import { layoutCascade, NODE_H, NODE_W, type PlacedNode } from "./cascadeLayout.js";
import { PlaceholderBadge, codeOf, typeLabel } from "./parts.js";

const MIN_ZOOM = 0.4;
const MAX_ZOOM = 3;

interface View {
  x: number;
  y: number;
  k: number;
}

export function CascadeGraph({ root, up, down }: { root: string; up: Cascade; down: Cascade }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const layout = useMemo(() => layoutCascade(root, up, down), [root, up, down]);
  const [view, setView] = useState<View>({ x: 0, y: 0, k: 1 });
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<{ id: number; x: number; y: number; vx: number; vy: number } | null>(null);
  const ids = useId();
  const helpId = `${ids}-help`;
  const arrowId = `${ids}-arrow`;

  const rootIndex = layout.layers.findIndex((l) => l.some((n) => n.current));

  /** Screen pixels per drawing unit, as the SVG is laid out (viewBox, meet). */
  const unitsPerPixel = () => {
    const box = svg.current?.getBoundingClientRect();
    if (!box || !box.width || !box.height) return 1;
    return Math.max(layout.width / box.width, layout.height / box.height);
  };

  const zoom = (factor: number, cx = layout.width / 2, cy = layout.height / 2) =>
    setView((v) => {
      const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.k * factor));
      // Keep the point (cx, cy) of the drawing where it is on screen.
      return { k, x: cx - ((cx - v.x) * k) / v.k, y: cy - ((cy - v.y) * k) / v.k };
    });

  function onPointerDown(e: PointerEvent<SVGSVGElement>) {
    if (e.button !== 0 || (e.target as Element).closest("a")) return;
    drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY, vx: view.x, vy: view.y };
    e.currentTarget.setPointerCapture(e.pointerId);
  }
  function onPointerMove(e: PointerEvent<SVGSVGElement>) {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    const u = unitsPerPixel();
    setView((v) => ({ ...v, x: d.vx + (e.clientX - d.x) * u, y: d.vy + (e.clientY - d.y) * u }));
  }
  function onPointerUp(e: PointerEvent<SVGSVGElement>) {
    if (drag.current?.id === e.pointerId) drag.current = null;
  }
  function onWheel(e: WheelEvent<SVGSVGElement>) {
    if (!e.ctrlKey && !e.metaKey) return;
    e.preventDefault();
    const box = e.currentTarget.getBoundingClientRect();
    const u = unitsPerPixel();
    zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, (e.clientX - box.left) * u, (e.clientY - box.top) * u);
  }
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const step = 40;
    const moves: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (e.key === "+" || e.key === "=") zoom(1.2);
    else if (e.key === "-") zoom(1 / 1.2);
    else if (e.key === "0") setView({ x: 0, y: 0, k: 1 });
    else if (moves[e.key] && e.target === e.currentTarget) {
      const [dx, dy] = moves[e.key]!;
      setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
    } else return;
    e.preventDefault();
  }
  function open(e: MouseEvent<Element>, node: PlacedNode) {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (!node.current) void navigate(`/documents/${node.id}`);
  }

  /** Keep a node that takes the keyboard focus in sight. */
  function reveal(node: PlacedNode) {
    setView((v) => {
      const left = node.x * v.k + v.x;
      const top = node.y * v.k + v.y;
      const inside = left >= 0 && top >= 0 && left + NODE_W * v.k <= layout.width && top + NODE_H * v.k <= layout.height;
      if (inside) return v;
      return { k: v.k, x: layout.width / 2 - (node.x + NODE_W / 2) * v.k, y: layout.height / 2 - (node.y + NODE_H / 2) * v.k };
    });
  }

  const nodeLabel = (n: PlacedNode) =>
    [codeOf(n, t), typeLabel(n, t), n.issuer, n.date ? formatDate(n.date, i18n.language) : null, n.status === "placeholder" ? t("documents.placeholder") : null, n.current ? t("documents.cascade.current") : null].filter(Boolean).join(", ");

  return (
    <div className="cascade">
      <div className="cascade-toolbar" role="toolbar" aria-label={t("documents.cascade.controls")}>
        <button type="button" onClick={() => zoom(1.2)} aria-label={t("documents.cascade.zoomIn")} title={t("documents.cascade.zoomIn")}>
          +
        </button>
        <button type="button" onClick={() => zoom(1 / 1.2)} aria-label={t("documents.cascade.zoomOut")} title={t("documents.cascade.zoomOut")}>
          −
        </button>
        <button type="button" onClick={() => setView({ x: 0, y: 0, k: 1 })}>
          {t("documents.cascade.reset")}
        </button>
        <span className="muted cascade-help" id={helpId}>{t("documents.cascade.help")}</span>
      </div>
      <div className="cascade-frame" tabIndex={0} onKeyDown={onKeyDown} aria-label={t("documents.cascade.frame")} role="group" aria-describedby={helpId}>
        <svg
          ref={svg}
          className="cascade-svg"
          data-testid="cascade-graph"
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          preserveAspectRatio="xMidYMin meet"
          style={{ aspectRatio: `${layout.width} / ${layout.height}`, maxWidth: `${Math.max(layout.width, 480)}px` }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onWheel={onWheel}
        >
          <defs>
            <marker id={arrowId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" className="cascade-arrow" />
            </marker>
          </defs>
          <g transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
            {layout.edges.map((e) => (
              <path key={`${e.upper}>${e.lower}`} d={e.path} className="cascade-edge" markerEnd={`url(#${arrowId})`} />
            ))}
            {layout.nodes.map((n) => (
              <a
                key={n.id}
                href={`/documents/${n.id}`}
                onClick={(e) => open(e, n)}
                onFocus={() => reveal(n)}
                className={`cascade-node${n.current ? " is-current" : ""}${n.status === "placeholder" ? " is-placeholder" : ""}`}
                data-testid="cascade-node"
                data-id={n.id}
                aria-label={nodeLabel(n)}
                aria-current={n.current ? "page" : undefined}
              >
                <title>{[nodeLabel(n), n.subject].filter(Boolean).join(" — ")}</title>
                <rect x={n.x} y={n.y} width={NODE_W} height={NODE_H} rx={6} />
                <text x={n.x + 10} y={n.y + 21} className="cascade-code">
                  {clip(codeOf(n, t), 24)}
                </text>
                <text x={n.x + 10} y={n.y + 39} className="cascade-meta">
                  {clip([typeLabel(n, t), n.date ? formatDate(n.date, i18n.language) : null].filter(Boolean).join(" · "), 30)}
                </text>
                <text x={n.x + 10} y={n.y + 56} className="cascade-meta">
                  {n.status === "placeholder" ? t("documents.cascade.notIngested") : clip(n.issuer ?? "", 30)}
                </text>
              </a>
            ))}
          </g>
        </svg>
      </div>
      <details className="cascade-list">
        <summary>{t("documents.cascade.asList")}</summary>
        <ol>
          {layout.layers.map((layer, i) => (
            <li key={i}>
              <span className="cascade-level">{i === rootIndex ? t("documents.cascade.levelCurrent") : i < rootIndex ? t("documents.cascade.levelAbove", { n: rootIndex - i }) : t("documents.cascade.levelBelow", { n: i - rootIndex })}</span>
              <ul>
                {layer.map((n) => (
                  <li key={n.id}>
                    {n.current ? <strong aria-current="page">{codeOf(n, t)}</strong> : <Link to={`/documents/${n.id}`}>{codeOf(n, t)}</Link>}
                    {n.status === "placeholder" ? (
                      <>
                        {" "}
                        <PlaceholderBadge />
                      </>
                    ) : null}
                    {n.subject ? <span className="muted"> — {n.subject}</span> : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
