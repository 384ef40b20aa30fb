// One scripted Accord client: joins with colyseus.js, keeps its seat's view
// by applying every patch with shared/patch.ts (as the browser client does),
// sends actions as "act" messages with a sequence number, and tells its room's
// tracker after every update so probes can be checked against its view.
import { Client, type Room } from "colyseus.js";
import { performance } from "node:perf_hooks";
import { applyPatch } from "../../shared/patch.ts";
import type { ClientAction, JoinOptions, PatchOp, ServerMessage } from "../../shared/protocol.ts";
import type { SessionView } from "../../shared/view.ts";
import type { ValuePool } from "./intern.ts";
import type { Probe, RoomTrack } from "./track.ts";

export class AccordSeat {
  room: Room | null = null;
  view: SessionView | null = null;
  seat = "";
  delegation: string | null = null;
  role: "host" | "delegate" | "observer" = "delegate";
  private seq = 0;
  private readonly probes = new Map<number, Probe<AccordSeat>>();
  private firstView!: Promise<void>;
  /** The stance this seat last asked for, per provision: its own view may not show it yet. */
  readonly stances = new Map<string, string | null>();
  /** Refusals not tied to a probe (setup steps). */
  errors: string[] = [];

  constructor(
    readonly index: number,
    readonly track: RoomTrack<AccordSeat>,
    /** The room's shared store of received values (bench/server/intern.ts): memory only, every message is still decoded and applied. */
    private readonly pool?: ValuePool,
  ) {}

  /** Joins; resolves with the time (ms) until the seat's first view arrived. */
  async join(endpoint: string, code: string, options: JoinOptions, timeoutMs = 15_000): Promise<number> {
    const t0 = performance.now();
    let gotView!: () => void;
    this.firstView = new Promise((r) => (gotView = r));
    const client = new Client(endpoint);
    const room = await withTimeout(client.joinById(code, options), timeoutMs, "join");
    this.room = room;
    room.onMessage("*", (type: string | number, message: unknown) => {
      const msg = message as ServerMessage;
      switch (msg?.type ?? type) {
        case "welcome": {
          const w = msg as Extract<ServerMessage, { type: "welcome" }>;
          this.seat = w.seat;
          this.delegation = w.delegation;
          this.role = w.role;
          return;
        }
        case "view": {
          const view = (msg as Extract<ServerMessage, { type: "view" }>).view as SessionView;
          this.view = this.pool ? this.pool.shareView(view) : view;
          gotView();
          this.track.updated(this);
          return;
        }
        case "patch": {
          if (!this.view) return;
          const ops = (msg as Extract<ServerMessage, { type: "patch" }>).ops as PatchOp[];
          this.view = applyPatch(this.view, this.pool ? this.pool.sharePushed(ops) : ops);
          this.track.updated(this);
          return;
        }
        case "ack": {
          const seq = (msg as Extract<ServerMessage, { type: "ack" }>).seq;
          const probe = this.probes.get(seq);
          this.probes.delete(seq);
          if (probe) this.track.acked(probe);
          return;
        }
        case "error": {
          const e = msg as Extract<ServerMessage, { type: "error" }>;
          const probe = e.seq !== undefined ? this.probes.get(e.seq) : undefined;
          if (probe) {
            this.probes.delete(e.seq!);
            this.track.refused(probe, e.code);
          } else this.errors.push(e.code);
          return;
        }
        default:
          return; // events and notices: a real client shows toasts; the bench has no use for them
      }
    });
    await withTimeout(this.firstView, timeoutMs, "first view");
    return performance.now() - t0;
  }

  /** Sends an action without tracking it (setup steps). */
  send(action: ClientAction): void {
    this.room?.send("act", { seq: ++this.seq, action });
  }

  /** Sends an action and tracks it until `others` have all seen `seen` hold in their views. */
  sendTracked(
    kind: string,
    action: ClientAction,
    others: Iterable<AccordSeat>,
    seen: (view: SessionView) => boolean,
  ): void {
    const seq = ++this.seq;
    const probe = this.track.add(kind, others, (c) => c.view !== null && seen(c.view), true);
    this.probes.set(seq, probe);
    this.room?.send("act", { seq, action });
  }

  async leave(): Promise<void> {
    await Promise.race([this.room?.leave(true).catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms)),
    ),
  ]);
}
