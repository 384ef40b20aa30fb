// Sends each connected client what its audience may see, and nothing else.
// The view is computed once per audience, diffed against the last one sent to
// that audience, and the patch goes out at once (no patch tick). A client
// that is new, behind, or whose audience changed gets the whole view instead.
import { audienceKey, viewFor } from "../../shared/rules/index.ts";
import { diffView } from "../../shared/patch.ts";
import type { GameEvent } from "../../shared/rules/api.ts";
import type { ServerMessage } from "../../shared/protocol.ts";
import type { SessionState } from "../../shared/state.ts";
import type { Audience, SessionView } from "../../shared/view.ts";

/** What the fan-out needs to know of a connected client. */
export interface Viewer {
  audience: Audience;
  /** The audience and revision of the last view or patch this client got (kept by the caller between publishes). */
  seen: { key?: string; rev?: number };
  send(message: ServerMessage): void;
}

export class ViewFanout {
  private readonly last = new Map<string, { rev: number; view: SessionView }>();

  /**
   * Sends one viewer its audience's whole view again (it missed a patch). The
   * view last published is current, since every change goes through publish.
   * Returns false when there is none yet: then publish.
   */
  resend(viewer: Viewer): boolean {
    const key = audienceKey(viewer.audience);
    const last = this.last.get(key);
    if (!last) return false;
    viewer.send({ type: "view", rev: last.rev, view: last.view });
    viewer.seen.key = key;
    viewer.seen.rev = last.rev;
    return true;
  }

  publish(state: SessionState, viewers: readonly Viewer[], events: readonly GameEvent[] = []): void {
    const groups = new Map<string, Viewer[]>();
    for (const v of viewers) {
      const key = audienceKey(v.audience);
      const group = groups.get(key);
      if (group) group.push(v);
      else groups.set(key, [v]);
    }
    // An audience nobody is watching is forgotten, so it is recomputed in full when someone returns.
    for (const key of [...this.last.keys()]) if (!groups.has(key)) this.last.delete(key);

    for (const [key, group] of groups) {
      const audience = group[0]!.audience;
      const next = viewFor(state, audience);
      const prev = this.last.get(key);
      const ops = prev ? diffView(prev.view, next) : null;
      const rev = prev ? (ops!.length > 0 ? prev.rev + 1 : prev.rev) : 1;
      this.last.set(key, { rev, view: next });
      // One message object per audience, shared by its viewers: the room encodes each object once (bench: msgpack per client was a tenth of the CPU).
      let patch: ServerMessage | undefined;
      let whole: ServerMessage | undefined;
      for (const v of group) {
        const upToDate = v.seen.key === key && v.seen.rev === rev;
        if (upToDate) continue;
        const canPatch = prev !== undefined && ops !== null && v.seen.key === key && v.seen.rev === prev.rev;
        v.send(
          canPatch ? (patch ??= { type: "patch", rev, ops: ops! }) : (whole ??= { type: "view", rev, view: next }),
        );
        v.seen.key = key;
        v.seen.rev = rev;
      }
      for (const event of events) {
        if (!mayHear(event, audience)) continue;
        const { audience: _who, ...rest } = event;
        const message: ServerMessage = { type: "event", event: rest };
        for (const v of group) v.send(message);
      }
    }
  }
}

/**
 * Events addressed to all, or to a list that names this audience. The host is
 * no exception: the rules name it where it may hear (a team or private
 * channel's lines only when the session says the host reads them).
 */
function mayHear(event: GameEvent, audience: Audience): boolean {
  if (event.audience === "all") return true;
  const key = audienceKey(audience);
  return event.audience.some((a) => audienceKey(a) === key);
}
