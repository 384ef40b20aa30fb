// Keeps one seat's view from the server's full views and patches. A patch
// applies only on top of the revision before it: if one went missing, applying
// the next would build a view the server never had, so the keeper refuses it
// and waits for a whole view (the link asks for one with a "resync" message).
import { applyPatch } from "../../shared/patch.ts";
import type { PatchOp } from "../../shared/protocol.ts";
import type { SessionView } from "../../shared/view.ts";

export type Kept = "applied" | "gap" | "waiting";

export class ViewKeeper {
  view: SessionView | null = null;
  rev = 0;
  /** True from a gap until the next whole view: patches meanwhile are dropped. */
  stale = false;

  /** A whole view: always taken, whatever its revision (a moved delegate's new audience counts its own). */
  whole(rev: number, view: SessionView): void {
    this.view = view;
    this.rev = rev;
    this.stale = false;
  }

  /** A patch: applied only if it is the next revision of the view we hold. */
  patch(rev: number, ops: PatchOp[]): Kept {
    if (!this.view || this.stale) return "waiting";
    if (rev !== this.rev + 1) {
      this.stale = true;
      return "gap";
    }
    this.view = applyPatch(this.view, ops) as SessionView;
    this.rev = rev;
    return "applied";
  }
}
