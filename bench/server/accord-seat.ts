// One scripted Accord client for the bench: the shared seat client
// (tools/seat-client.ts: colyseus.js, the view kept by applying every patch
// with shared/patch.ts, as the browser client does, and numbered "act"
// messages), plus the bench's own bookkeeping: it tells its room's tracker
// after every update so probes can be checked against its view.
import { performance } from "node:perf_hooks";
import type { ClientAction, JoinOptions, ServerMessage } from "../../shared/protocol.ts";
import type { SessionView } from "../../shared/view.ts";
import { SeatClient } from "../../tools/seat-client.ts";
import type { ValuePool } from "./intern.ts";
import type { Probe, RoomTrack } from "./track.ts";

export { withTimeout } from "../../tools/seat-client.ts";

export class AccordSeat {
  private client: SeatClient | null = null;
  private readonly probes = new Map<number, Probe<AccordSeat>>();
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

  get view(): SessionView | null {
    return this.client?.view ?? null;
  }
  get room(): SeatClient | null {
    return this.client;
  }
  get seat(): string {
    return this.client?.seat ?? "";
  }
  get delegation(): string | null {
    return this.client?.welcome.delegation ?? null;
  }
  get role(): "host" | "delegate" | "observer" {
    return this.client?.welcome.role ?? "delegate";
  }

  /** Joins; resolves with the time (ms) until the seat's first view arrived. */
  async join(endpoint: string, code: string, options: JoinOptions, timeoutMs = 15_000): Promise<number> {
    const t0 = performance.now();
    const pool = this.pool;
    this.client = await SeatClient.connect(endpoint, code, options, {
      label: `seat ${this.index}`,
      timeoutMs,
      ...(pool ? { shareView: (v) => pool.shareView(v), sharePatch: (ops) => pool.sharePushed(ops) } : {}),
      onMessage: (message) => this.take(message),
    });
    this.track.updated(this);
    return performance.now() - t0;
  }

  private take(message: ServerMessage): void {
    switch (message.type) {
      case "view":
      case "patch":
        if (this.client) this.track.updated(this);
        return;
      case "ack": {
        const probe = this.probes.get(message.seq);
        this.probes.delete(message.seq);
        if (probe) this.track.acked(probe);
        return;
      }
      case "error": {
        const probe = message.seq !== undefined ? this.probes.get(message.seq) : undefined;
        if (probe) {
          this.probes.delete(message.seq!);
          this.track.refused(probe, message.code);
        } else this.errors.push(message.code);
        return;
      }
      default:
        return; // welcome, events and notices: a real client shows toasts; the bench has no use for them
    }
  }

  /** Sends an action without tracking it (setup steps). */
  send(action: ClientAction): void {
    this.client?.post(action);
  }

  /** Sends an action and tracks it until `others` have all seen `seen` hold in their views. */
  sendTracked(
    kind: string,
    action: ClientAction,
    others: Iterable<AccordSeat>,
    seen: (view: SessionView) => boolean,
  ): void {
    if (!this.client) return;
    const seq = this.client.nextSeq();
    const probe = this.track.add(kind, others, (c) => c.view !== null && seen(c.view), true);
    this.probes.set(seq, probe);
    this.client.post(action, seq);
  }

  async leave(): Promise<void> {
    await this.client?.leave();
  }
}
