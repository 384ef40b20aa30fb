// Patches between two views of one audience. The server diffs the view it
// sent last against the new one and sends only what changed; the client
// applies the ops to its copy. The rules keep unchanged sub-objects identical
// (structural sharing), so the diff skips them by reference without looking
// inside: a chat line costs one `push`, not a walk over the whole session.
import type { PatchOp } from "./protocol.ts";

export type { PatchOp };
type Path = (string | number)[];
type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The ops that turn `prev` into `next` (both plain JSON; `undefined` members count as absent). */
export function diffView(prev: Json, next: Json): PatchOp[] {
  const ops: PatchOp[] = [];
  diffInto(prev, next, [], ops);
  return ops;
}

function diffInto(prev: Json, next: Json, path: Path, ops: PatchOp[]): void {
  if (prev === next) return;
  if (Array.isArray(prev) && Array.isArray(next)) {
    // A shorter array (a seat left, a provision dropped from a list) is sent
    // whole: index-by-index ops after a removal in the middle would be longer.
    if (next.length < prev.length) {
      ops.push({ op: "set", path, value: next });
      return;
    }
    for (let i = 0; i < prev.length; i++) diffInto(prev[i], next[i], [...path, i], ops);
    if (next.length > prev.length) ops.push({ op: "push", path, values: next.slice(prev.length) });
    return;
  }
  if (isObject(prev) && isObject(next)) {
    for (const key of Object.keys(next)) {
      const value = next[key];
      if (value === undefined) continue;
      if (prev[key] === undefined) ops.push({ op: "set", path: [...path, key], value });
      else diffInto(prev[key], value, [...path, key], ops);
    }
    for (const key of Object.keys(prev)) {
      if (prev[key] !== undefined && next[key] === undefined) ops.push({ op: "remove", path: [...path, key] });
    }
    return;
  }
  ops.push({ op: "set", path, value: next });
}

/**
 * Applies ops to a view and returns the new view. The input is not changed:
 * every object on a changed path is copied, everything else is shared, so a
 * client can tell what changed by reference (and redraw only that).
 */
export function applyPatch<T>(view: T, ops: readonly PatchOp[]): T {
  let root: Json = view;
  for (const op of ops) root = applyOne(root, op, 0);
  return root as T;
}

function applyOne(node: Json, op: PatchOp, depth: number): Json {
  if (depth === op.path.length) {
    if (op.op === "set") return op.value;
    if (op.op === "push") {
      if (!Array.isArray(node)) throw new Error(`patch: push onto a non-array at ${op.path.join(".")}`);
      return [...node, ...op.values];
    }
    throw new Error("patch: cannot remove the root");
  }
  const key = op.path[depth] as string | number;
  const last = depth === op.path.length - 1;
  if (Array.isArray(node)) {
    const index = Number(key);
    const copy = node.slice();
    if (last && op.op === "remove") copy.splice(index, 1);
    else copy[index] = applyOne(node[index], op, depth + 1);
    return copy;
  }
  if (isObject(node)) {
    const copy: Record<string, Json> = { ...node };
    if (last && op.op === "remove") delete copy[String(key)];
    else copy[String(key)] = applyOne(node[String(key)], op, depth + 1);
    return copy;
  }
  throw new Error(`patch: no object at ${op.path.slice(0, depth).join(".")}`);
}
