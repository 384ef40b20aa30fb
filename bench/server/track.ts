// Following actions until everyone has seen them. A probe is one action a
// bench client sent: it records when it left, which other clients of the
// room must see its effect, and how to recognise the effect in a client's
// copy of the state. A client that receives an update checks the probes of
// its room; when the last expected client has seen it, the latency is the
// time from the send to that moment (all clients live in this one process,
// so one clock serves). A probe not seen by all within the bound, or
// refused by the server, is a failed action.
import { performance } from "node:perf_hooks";

export const FAIL_AFTER_MS = 2000;

export interface Probe<C> {
  kind: string;
  sentAt: number;
  waiting: Set<C>;
  seen(client: C): boolean;
  acked: boolean;
  done: boolean;
}

export class RoomTrack<C> {
  readonly pending = new Set<Probe<C>>();
  constructor(private readonly stats: TrackStats) {}

  add(kind: string, waiting: Iterable<C>, seen: (client: C) => boolean, needsAck: boolean): Probe<C> {
    const probe: Probe<C> = {
      kind,
      sentAt: performance.now(),
      waiting: new Set(waiting),
      seen,
      acked: !needsAck,
      done: false,
    };
    this.pending.add(probe);
    this.stats.sent++;
    return probe;
  }

  /** Called after `client` applied an update. */
  updated(client: C): void {
    if (this.pending.size === 0) return;
    const now = performance.now();
    for (const probe of this.pending) {
      if (!probe.waiting.has(client) || !probe.seen(client)) continue;
      probe.waiting.delete(client);
      if (probe.waiting.size === 0) this.stats.latency(probe, now - probe.sentAt);
      this.settle(probe);
    }
  }

  acked(probe: Probe<C>): void {
    probe.acked = true;
    this.settle(probe);
  }

  refused(probe: Probe<C>, code: string): void {
    if (probe.done) return;
    probe.done = true;
    this.pending.delete(probe);
    this.stats.fail(`refused:${code}`);
  }

  /** Fails every probe older than the bound. */
  sweep(now: number): void {
    for (const probe of this.pending) {
      if (now - probe.sentAt <= FAIL_AFTER_MS) continue;
      probe.done = true;
      this.pending.delete(probe);
      this.stats.fail(probe.waiting.size > 0 ? "timeout:not-seen" : "timeout:no-ack");
    }
  }

  private settle(probe: Probe<C>): void {
    if (probe.done || probe.waiting.size > 0 || !probe.acked) return;
    probe.done = true;
    this.pending.delete(probe);
    this.stats.succeeded++;
  }
}

export class TrackStats {
  sent = 0;
  succeeded = 0;
  failed = 0;
  readonly failures: Record<string, number> = {};
  readonly all: number[] = [];
  readonly byKind: Record<string, number[]> = {};
  recording = true;

  latency(probe: Probe<unknown>, ms: number): void {
    if (!this.recording) return;
    this.all.push(ms);
    (this.byKind[probe.kind] ??= []).push(ms);
  }

  fail(reason: string): void {
    this.failed++;
    this.failures[reason] = (this.failures[reason] ?? 0) + 1;
  }
}
