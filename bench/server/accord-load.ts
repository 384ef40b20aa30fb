// The Accord load: rooms of 1 host and 30 delegates (six per delegation of
// the default scenario). Setup moves each session to Negotiation and tables
// ten provisions; then delegates act at classroom pace: talk on the floor
// (everyone sees it), talk in their team channel (their delegation and the
// host see it), and change their delegation's stance on a provision
// (everyone sees it). Each delegate owns a disjoint set of provisions for
// stances, so teammates never race each other into a refusal.
import { performance } from "node:perf_hooks";
import type { SessionView } from "../../shared/view.ts";
import type { Stance } from "../../shared/protocol.ts";
import { pick, seeded, type Rng } from "../lib/rng.ts";
import { summarize } from "../lib/stats.ts";
import { AccordSeat } from "./accord-seat.ts";
import { pace, type Pacer } from "./pacing.ts";
import { ValuePool } from "./intern.ts";
import { RoomTrack, TrackStats } from "./track.ts";

interface AccordRoom {
  code: string;
  host: AccordSeat;
  delegates: AccordSeat[];
  all: AccordSeat[];
  track: RoomTrack<AccordSeat>;
  pool: ValuePool;
}

const PROVISIONS = 10;

export class AccordLoad {
  readonly stats = new TrackStats();
  private rooms: AccordRoom[] = [];
  private sweeper: NodeJS.Timeout | null = null;
  private pacers: Pacer[] = [];
  private nextProbe = 0;

  constructor(private readonly endpoint: string) {}

  /** Joins every room's host, then its delegates, `concurrency` joins at a time. Returns join times. */
  async join(sessions: { code: string; hostKey: string }[], delegates: number, concurrency: number) {
    const times: number[] = [];
    const failures: Record<string, number> = {};
    const t0 = performance.now();
    for (const s of sessions) {
      const track = new RoomTrack<AccordSeat>(this.stats);
      const pool = new ValuePool();
      const host = new AccordSeat(0, track, pool);
      times.push(await host.join(this.endpoint, s.code, { hostKey: s.hostKey }));
      this.rooms.push({ code: s.code, host, delegates: [], all: [host], track, pool });
    }
    const delegationIds = this.rooms[0]?.host.view?.scenario.delegations.map((d) => d.id) ?? [];
    const jobs: (() => Promise<void>)[] = [];
    for (const room of this.rooms) {
      for (let i = 0; i < delegates; i++) {
        const seat = new AccordSeat(i + 1, room.track, room.pool);
        room.delegates.push(seat);
        room.all.push(seat);
        jobs.push(async () => {
          try {
            times.push(
              await seat.join(this.endpoint, room.code, {
                name: `Delegate ${i + 1}`,
                delegation: delegationIds[i % delegationIds.length]!,
              }),
            );
          } catch (e) {
            const key = String((e as Error).message).slice(0, 80);
            failures[key] = (failures[key] ?? 0) + 1;
          }
        });
      }
    }
    await runLimited(jobs, concurrency);
    const s = summarize(times);
    return {
      clients: times.length,
      seconds: Math.round((performance.now() - t0) / 100) / 10,
      join_p50_ms: s.p50,
      join_p95_ms: s.p95,
      failures,
    };
  }

  /** Moves every session to Negotiation and tables ten provisions; waits until every client sees them. */
  async setup(): Promise<void> {
    for (const room of this.rooms) {
      room.host.send({ type: "phase.next" });
      room.host.send({ type: "phase.next" });
    }
    await until(
      () => this.rooms.every((r) => r.all.every((c) => c.view?.phase === "negotiation")),
      30_000,
      "every client in Negotiation",
    );
    for (const room of this.rooms) {
      const cards = room.host.view!.scenario.cards.map((c) => c.id);
      for (let i = 0; i < PROVISIONS; i++)
        room.delegates[i % room.delegates.length]!.send({
          type: "provision.table",
          instrument: "code",
          card: cards[i]!,
        });
    }
    await until(
      () => this.rooms.every((r) => r.all.every((c) => (c.view?.provisions.length ?? 0) >= PROVISIONS)),
      30_000,
      "every client seeing the tabled provisions",
    );
  }

  /** Classroom pace for `seconds`; then waits for what is in flight and reports. */
  async run(seconds: number, seed: number) {
    const rng = seeded(seed);
    this.sweeper = setInterval(() => {
      const now = performance.now();
      for (const r of this.rooms) r.track.sweep(now);
    }, 100);
    const t0 = performance.now();
    for (const room of this.rooms) {
      for (const d of room.delegates) {
        const own = seeded(Math.floor(rng() * 2 ** 31));
        this.pacers.push(pace(own, seconds, (burst) => this.act(room, d, own, burst)));
      }
    }
    await sleep(seconds * 1000);
    for (const p of this.pacers) p.stop();
    await until(() => this.rooms.every((r) => r.track.pending.size === 0), 3000, "in-flight actions").catch(
      () => undefined,
    );
    const elapsed = (performance.now() - t0) / 1000;
    clearInterval(this.sweeper);
    for (const r of this.rooms) r.track.sweep(Infinity);
    return { elapsed, ...this.report() };
  }

  private act(room: AccordRoom, d: AccordSeat, rng: Rng, burst: number | null): void {
    if (!d.view || !d.delegation || !d.room) return;
    const others = room.all.filter((c) => c !== d);
    const r = burst !== null ? 0 : rng();
    const mark = `#${++this.nextProbe}`;
    if (r < 0.55) {
      const text = `${pick(rng, LINES)} ${mark}`;
      d.sendTracked(
        burst !== null ? "chat_burst" : "chat_floor",
        { type: "say", channel: "floor", text },
        others,
        (v) => hasLine(v, "floor", text),
      );
    } else if (r < 0.7) {
      const channel = `team-${d.delegation}`;
      const text = `${pick(rng, LINES)} ${mark}`;
      const team = others.filter((c) => c.role === "host" || c.delegation === d.delegation);
      d.sendTracked("chat_team", { type: "say", channel, text }, team, (v) => hasLine(v, channel, text));
    } else {
      const mine = Math.floor((d.index - 1) / 5); // the delegate's place in its delegation, 0..5
      const owned = d.view.provisions.filter((_, i) => i % 6 === mine && i < PROVISIONS);
      const p = owned.length ? pick(rng, owned) : undefined;
      if (!p) return;
      const current = d.stances.has(p.id) ? d.stances.get(p.id)! : (p.stances[d.delegation] ?? null);
      const stance = pick(
        rng,
        (["support", "reservation", "objection", null] as (Stance | null)[]).filter((s) => s !== current),
      );
      const delegation = d.delegation;
      d.stances.set(p.id, stance);
      d.sendTracked("stance", { type: "stance.set", provision: p.id, stance }, others, (v) => {
        const now = v.provisions.find((x) => x.id === p.id)?.stances[delegation] ?? null;
        return now === stance;
      });
    }
  }

  report() {
    const s = summarize(this.stats.all);
    const kinds = Object.fromEntries(
      Object.entries(this.stats.byKind).map(([k, v]) => [
        k,
        { count: v.length, p50_ms: summarize(v).p50, p99_ms: summarize(v).p99 },
      ]),
    );
    return {
      sent: this.stats.sent,
      measured: s.count,
      p50_ms: s.p50,
      p95_ms: s.p95,
      p99_ms: s.p99,
      max_ms: s.max,
      failed_actions: this.stats.failed,
      failures: this.stats.failures,
      kinds,
    };
  }

  async leave(): Promise<void> {
    for (const p of this.pacers) p.stop();
    if (this.sweeper) clearInterval(this.sweeper);
    await runLimited(
      this.rooms.flatMap((r) => r.all.map((c) => () => c.leave())),
      50,
    );
  }
}

const LINES = [
  "We support the wording on hospitals.",
  "Our capital needs more time.",
  "Can we bracket the second sentence?",
  "We object to any limit on information flows.",
  "Agreed, let us move on.",
  "Who else backs a working group?",
];

function hasLine(view: SessionView, channel: string, text: string): boolean {
  const messages = view.channels.find((c) => c.id === channel)?.messages;
  if (!messages) return false;
  for (let i = messages.length - 1; i >= 0 && i >= messages.length - 40; i--)
    if (messages[i]!.text === text) return true;
  return false;
}

export async function runLimited(jobs: (() => Promise<unknown>)[], concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
}

export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
