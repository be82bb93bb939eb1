/**
 * @module pages/documents/cascadeLayout
 * The cascade as layers, top-down: the documents a document implements above it (the central
 * directive at the top), the document, then what was issued to implement it below. A layer is
 * the longest citation path to the document, so a directive cited both directly and through a
 * provincial plan sits above that plan. Within a layer, nodes are ordered by the mean position
 * of their neighbours (two sweeps), which keeps the few crossings of small graphs down.
 */
import type { Cascade, CascadeNode } from "./data.js";

export const NODE_W = 210;
export const NODE_H = 66;
const GAP_X = 26;
const GAP_Y = 58;
const PAD = 12;

export interface PlacedNode extends CascadeNode {
  layer: number;
  x: number;
  y: number;
  current: boolean;
}

export interface PlacedEdge {
  /** The cited document (above). */
  upper: string;
  /** The citing document (below). */
  lower: string;
  path: string;
}

export interface CascadeLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  /** Nodes by layer, top first, in drawing order. */
  layers: PlacedNode[][];
  width: number;
  height: number;
}

/** Longest distance from the root along `next`, with a cap that also ends cycles. */
function longest(root: string, next: Map<string, string[]>, limit: number): Map<string, number> {
  const level = new Map<string, number>([[root, 0]]);
  for (let round = 0; round < limit; round++) {
    let changed = false;
    for (const [id, l] of [...level]) {
      for (const n of next.get(id) ?? []) {
        if (n === root) continue;
        if ((level.get(n) ?? -1) < l + 1 && l + 1 <= limit) {
          level.set(n, l + 1);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return level;
}

function push(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

export function layoutCascade(root: string, up: Cascade, down: Cascade): CascadeLayout {
  const byId = new Map<string, CascadeNode>();
  for (const n of [...up.nodes, ...down.nodes]) if (!byId.has(n.id)) byId.set(n.id, n);
  const edgeKeys = new Set<string>();
  const edges: { from: string; to: string }[] = [];
  for (const e of [...up.edges, ...down.edges]) {
    const key = `${e.from}>${e.to}`;
    if (edgeKeys.has(key) || !byId.has(e.from) || !byId.has(e.to) || e.from === e.to) continue;
    edgeKeys.add(key);
    edges.push(e);
  }
  const limit = byId.size + 1;
  // Up: citing → cited; down: cited → citing.
  const cites = new Map<string, string[]>();
  const citedBy = new Map<string, string[]>();
  for (const e of up.edges) push(cites, e.from, e.to);
  for (const e of down.edges) push(citedBy, e.to, e.from);
  const upLevel = longest(root, cites, limit);
  const downLevel = longest(root, citedBy, limit);

  const layerOf = new Map<string, number>();
  for (const id of byId.keys()) {
    if (id === root) layerOf.set(id, 0);
    else if ((upLevel.get(id) ?? 0) > 0) layerOf.set(id, -upLevel.get(id)!);
    else if ((downLevel.get(id) ?? 0) > 0) layerOf.set(id, downLevel.get(id)!);
    else layerOf.set(id, 0);
  }
  const min = Math.min(...layerOf.values());
  const max = Math.max(...layerOf.values());
  const layers: CascadeNode[][] = Array.from({ length: max - min + 1 }, () => []);
  for (const [id, l] of layerOf) layers[l - min]!.push(byId.get(id)!);
  for (const layer of layers) layer.sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || (a.code ?? "").localeCompare(b.code ?? ""));

  // Neighbours in either direction, for ordering.
  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    push(neighbours, e.from, e.to);
    push(neighbours, e.to, e.from);
  }
  const order = new Map<string, number>();
  const index = () => layers.forEach((layer) => layer.forEach((n, i) => order.set(n.id, i)));
  index();
  const sweep = (from: number, to: number, step: number) => {
    for (let l = from; l !== to; l += step) {
      const layer = layers[l]!;
      const adjacent = new Set((layers[l - step] ?? []).map((n) => n.id));
      const score = (n: CascadeNode) => {
        const ns = (neighbours.get(n.id) ?? []).filter((x) => adjacent.has(x));
        return ns.length ? ns.reduce((s, x) => s + order.get(x)!, 0) / ns.length : order.get(n.id)!;
      };
      const scores = new Map(layer.map((n) => [n.id, score(n)]));
      layer.sort((a, b) => scores.get(a.id)! - scores.get(b.id)!);
      layer.forEach((n, i) => order.set(n.id, i));
    }
  };
  for (let i = 0; i < 2; i++) {
    sweep(1, layers.length, 1);
    sweep(layers.length - 2, -1, -1);
  }

  const widest = Math.max(...layers.map((l) => l.length));
  const width = PAD * 2 + widest * NODE_W + (widest - 1) * GAP_X;
  const height = PAD * 2 + layers.length * NODE_H + (layers.length - 1) * GAP_Y;
  const placed = new Map<string, PlacedNode>();
  const placedLayers = layers.map((layer, l) => {
    const rowWidth = layer.length * NODE_W + (layer.length - 1) * GAP_X;
    const start = (width - rowWidth) / 2;
    return layer.map((n, i) => {
      const p: PlacedNode = { ...n, layer: l, x: start + i * (NODE_W + GAP_X), y: PAD + l * (NODE_H + GAP_Y), current: n.id === root };
      placed.set(n.id, p);
      return p;
    });
  });
  const placedEdges: PlacedEdge[] = edges.map((e) => {
    const a = placed.get(e.to)!; // cited
    const b = placed.get(e.from)!; // citing
    const upper = a.y <= b.y ? a : b;
    const lower = upper === a ? b : a;
    const x1 = upper.x + NODE_W / 2;
    const y1 = upper.y + NODE_H;
    const x2 = lower.x + NODE_W / 2;
    const y2 = lower.y;
    const mid = (y1 + y2) / 2;
    const path = upper.y === lower.y ? `M${upper.x + NODE_W},${upper.y + NODE_H / 2} L${lower.x},${lower.y + NODE_H / 2}` : `M${x1},${y1} C${x1},${mid} ${x2},${mid} ${x2},${y2 - 4}`;
    return { upper: e.to, lower: e.from, path };
  });
  return { nodes: [...placed.values()], edges: placedEdges, layers: placedLayers, width, height };
}
