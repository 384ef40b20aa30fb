// One room's pool of received values. Each bench client decodes every message
// it receives and applies every patch with shared/patch.ts, as the browser
// does; only what it *keeps* is shared: a pushed chat line or timeline entry,
// or a top-level part of a first view, that is equal (same JSON) to one
// another client of the room already holds is replaced by that one. Views are
// never changed in place (applyPatch copies every object on a changed path),
// so sharing is safe. Why: a browser keeps one view; this process keeps 3,100,
// and without sharing their copies of the same lines grew its heap to ~600 MB
// in a minute at 100 rooms, and marking that heap stalled the load generator
// for up to half a second (counted as latency, since it times on its own clock).
import type { PatchOp } from "../../shared/protocol.ts";

export class ValuePool {
  private readonly values = new Map<string, unknown>();

  /** The pooled value equal to `v` (JSON), `v` itself if it is the first of its kind. */
  share<T>(v: T): T {
    if (typeof v !== "object" || v === null) return v;
    const key = JSON.stringify(v);
    const held = this.values.get(key);
    if (held !== undefined) return held as T;
    this.values.set(key, v);
    return v;
  }

  /** Shares the values a patch pushes (chat lines, timeline entries): the ones every client keeps for good. */
  sharePushed(ops: PatchOp[]): PatchOp[] {
    for (const op of ops)
      if (op.op === "push") for (let i = 0; i < op.values.length; i++) op.values[i] = this.share(op.values[i]);
    return ops;
  }

  /** Shares the top-level parts of a first view (scenario, seats, channels...). */
  shareView<T extends object>(view: T): T {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(view)) out[k] = this.share(v);
    return out as T;
  }
}
