// A join storm: `clients` delegates join one session at random moments within
// `windowS` seconds. A join's time runs from the colyseus.js joinById call
// (the HTTP seat reservation, then the WebSocket) to the seat's first view:
// what a student waits for between pressing Join and seeing the table.
import { performance } from "node:perf_hooks";
import { seeded } from "../lib/rng.ts";
import { summarize } from "../lib/stats.ts";
import { AccordSeat } from "./accord-seat.ts";
import { RoomTrack, TrackStats } from "./track.ts";
import { sleep } from "./accord-load.ts";

export async function joinStorm(endpoint: string, code: string, clients: number, windowS: number, seed: number) {
  const rng = seeded(seed);
  const track = new RoomTrack<AccordSeat>(new TrackStats());
  const times: number[] = [];
  const failures: Record<string, number> = {};
  const seats: AccordSeat[] = [];
  const t0 = performance.now();
  const at = Array.from({ length: clients }, () => rng() * windowS * 1000).sort((a, b) => a - b);
  await Promise.all(
    at.map(async (delay, i) => {
      await sleep(delay);
      const seat = new AccordSeat(i + 1, track);
      seats.push(seat);
      try {
        times.push(await seat.join(endpoint, code, { name: `Participant ${i + 1}` }, 30_000));
      } catch (e) {
        const key = String((e as Error).message).slice(0, 100);
        failures[key] = (failures[key] ?? 0) + 1;
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const s = summarize(times);
  await Promise.all(seats.map((s) => s.leave()));
  return {
    clients,
    window_s: windowS,
    joined: s.count,
    failures: clients - s.count,
    failure_reasons: failures,
    p50_ms: s.p50,
    p95_ms: s.p95,
    max_ms: s.max,
    elapsed_s: Math.round(elapsed * 10) / 10,
  };
}
