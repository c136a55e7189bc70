// Layered layout (elkjs, direction RIGHT) computed in the browser: leaf nodes grouped into boxes (one per domain).
import ELK from "elkjs/lib/elk.bundled.js";

const elk = new ELK();

export interface LayoutGroup {
  id: string;
  children: { id: string; width: number; height: number }[];
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Positions of groups (absolute) and of their children (relative to the group), keyed by id. */
export async function layoutGroups(
  groups: LayoutGroup[],
  edges: { id: string; source: string; target: string }[],
): Promise<Map<string, Box>> {
  const ids = new Set(groups.flatMap((group) => group.children.map((child) => child.id)));
  const graph = await elk.layout({
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.hierarchyHandling": "INCLUDE_CHILDREN",
      "elk.layered.spacing.nodeNodeBetweenLayers": "70",
      "elk.spacing.nodeNode": "28",
      "elk.padding": "[top=44,left=20,bottom=20,right=20]",
    },
    children: groups.map((group) => ({ id: group.id, children: group.children })),
    edges: edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
      .map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  });
  const boxes = new Map<string, Box>();
  for (const group of graph.children ?? []) {
    boxes.set(group.id, { x: group.x ?? 0, y: group.y ?? 0, width: group.width ?? 0, height: group.height ?? 0 });
    for (const child of group.children ?? []) {
      boxes.set(child.id, { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 });
    }
  }
  return boxes;
}

/** Positions of flat nodes (the domain overview). */
export async function layoutFlat(
  nodes: { id: string; width: number; height: number }[],
  edges: { id: string; source: string; target: string }[],
): Promise<Map<string, Box>> {
  const graph = await elk.layout({
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.layered.spacing.nodeNodeBetweenLayers": "110",
      "elk.spacing.nodeNode": "40",
    },
    children: nodes,
    edges: edges.map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  });
  return new Map(
    (graph.children ?? []).map((node) => [
      node.id,
      { x: node.x ?? 0, y: node.y ?? 0, width: node.width ?? 0, height: node.height ?? 0 },
    ]),
  );
}
