import { ALIGNMENT_LEVELS, type AlignmentLevel } from '@hundred/domain';

/** What the web needs of a node of the alignment tree. */
export interface AlignmentNodeLike {
  id: string;
  parentId: string | null;
  level: string;
  code: string | null;
  nameAr: string;
  nameEn: string;
  sort: number;
  active: boolean;
}

export interface AlignmentTreeNode<N extends AlignmentNodeLike> {
  node: N;
  children: AlignmentTreeNode<N>[];
}

export const isAlignmentLevel = (value: string): value is AlignmentLevel =>
  (ALIGNMENT_LEVELS as readonly string[]).includes(value);

/**
 * The flat list as a tree: roots are the nodes without a parent (or whose parent is missing),
 * siblings by their order, then by name.
 */
export function buildTree<N extends AlignmentNodeLike>(
  nodes: readonly N[],
  compareNames: (a: N, b: N) => number,
): AlignmentTreeNode<N>[] {
  const byId = new Map(nodes.map((n) => [n.id, { node: n, children: [] as AlignmentTreeNode<N>[] }]));
  const roots: AlignmentTreeNode<N>[] = [];
  for (const entry of byId.values()) {
    const parent = entry.node.parentId ? byId.get(entry.node.parentId) : undefined;
    (parent ? parent.children : roots).push(entry);
  }
  const order = (list: AlignmentTreeNode<N>[]) => {
    list.sort((a, b) => a.node.sort - b.node.sort || compareNames(a.node, b.node));
    list.forEach((entry) => order(entry.children));
  };
  order(roots);
  return roots;
}

/** The node and its ancestors, from the national vision down to the node. */
export function pathOf<N extends AlignmentNodeLike>(id: string, byId: ReadonlyMap<string, N>): N[] {
  const path: N[] = [];
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    path.unshift(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return path;
}

/** Whether a node and every ancestor are active: only such nodes may be chosen. */
export function isChoosable<N extends AlignmentNodeLike>(node: N, byId: ReadonlyMap<string, N>): boolean {
  return pathOf(node.id, byId).every((n) => n.active);
}
