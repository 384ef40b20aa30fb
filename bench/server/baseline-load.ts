// Clients of the baseline rooms, at the same classroom pace as the Accord
// load. Every action is a chat line (the baseline room knows nothing else);
// a client has seen it when the line is in its decoded schema state.
import { Client, type Room } from "colyseus.js";
import { performance } from "node:perf_hooks";
import { seeded, type Rng } from "../lib/rng.ts";
import { summarize } from "../lib/stats.ts";
import { pace, type Pacer } from "./pacing.ts";
import { RoomTrack, TrackStats } from "./track.ts";
import { runLimited, sleep, until } from "./accord-load.ts";
import { withTimeout } from "./accord-seat.ts";

interface Line {
  id: string;
}
interface BaselineSeat {
  room: Room;
  /** Line ids already in this client's state (kept as they arrive: the check is then a set lookup). */
  seen: Set<string>;
  length: number;
}

export class BaselineLoad {
  readonly stats = new TrackStats();
  private rooms: { seats: BaselineSeat[]; track: RoomTrack<BaselineSeat> }[] = [];
  private pacers: Pacer[] = [];
  private nextProbe = 0;

  constructor(private readonly endpoint: string) {}

  async join(roomIds: string[], clients: number, concurrency: number) {
    const t0 = performance.now();
    const times: number[] = [];
    const jobs: (() => Promise<void>)[] = [];
    for (const id of roomIds) {
      const entry = { seats: [] as BaselineSeat[], track: new RoomTrack<BaselineSeat>(this.stats) };
      this.rooms.push(entry);
      for (let i = 0; i < clients; i++) {
        jobs.push(async () => {
          const start = performance.now();
          const room = await withTimeout(new Client(this.endpoint).joinById(id), 15_000, "join");
          const seat: BaselineSeat = { room, seen: new Set(), length: 0 };
          room.onStateChange((state: { lines?: Line[] & { length: number } }) => {
            const lines = state.lines;
            if (!lines || lines.length === seat.length) return;
            for (let k = seat.length; k < lines.length; k++) seat.seen.add(lines[k]!.id);
            seat.length = lines.length;
            entry.track.updated(seat);
          });
          entry.seats.push(seat);
          times.push(performance.now() - start);
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
    };
  }

  async run(seconds: number, seed: number) {
    const rng = seeded(seed);
    const sweeper = setInterval(() => {
      const now = performance.now();
      for (const r of this.rooms) r.track.sweep(now);
    }, 100);
    const t0 = performance.now();
    for (const r of this.rooms) {
      // The same shape as Accord's rooms: the first client is the host, who does not chat here.
      for (const seat of r.seats.slice(1)) {
        const own = seeded(Math.floor(rng() * 2 ** 31));
        this.pacers.push(pace(own, seconds, (burst) => this.say(r, seat, own, burst)));
      }
    }
    await sleep(seconds * 1000);
    for (const p of this.pacers) p.stop();
    await until(() => this.rooms.every((r) => r.track.pending.size === 0), 3000, "in-flight lines").catch(
      () => undefined,
    );
    clearInterval(sweeper);
    for (const r of this.rooms) r.track.sweep(Infinity);
    const s = summarize(this.stats.all);
    return {
      elapsed: (performance.now() - t0) / 1000,
      sent: this.stats.sent,
      measured: s.count,
      p50_ms: s.p50,
      p95_ms: s.p95,
      p99_ms: s.p99,
      max_ms: s.max,
      failed_actions: this.stats.failed,
      failures: this.stats.failures,
    };
  }

  private say(
    r: { seats: BaselineSeat[]; track: RoomTrack<BaselineSeat> },
    seat: BaselineSeat,
    _rng: Rng,
    burst: number | null,
  ): void {
    const id = `l${++this.nextProbe}`;
    const others = r.seats.filter((s) => s !== seat);
    // No acknowledgement exists in the plain room: a line counts once everyone else has it.
    r.track.add(burst !== null ? "chat_burst" : "chat_floor", others, (c) => c.seen.has(id), false);
    seat.room.send("say", { id, text: `We support the wording on hospitals. ${id}` });
  }

  async leave(): Promise<void> {
    for (const p of this.pacers) p.stop();
    await runLimited(
      this.rooms.flatMap((r) => r.seats.map((s) => () => s.room.leave(true).catch(() => undefined))),
      50,
    );
  }
}
