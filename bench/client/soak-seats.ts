// The busy class around the measured page: a host and four scripted
// delegates (each the head of its own delegation) in one session. The host
// moves the session to Negotiation, three provisions are tabled, then the
// delegates take turns at a steady pace: a line on the Floor or a stance
// change on one of the three provisions. Chat grows for the whole soak.
import { AccordSeat } from "../server/accord-seat.ts";
import { RoomTrack, TrackStats } from "../server/track.ts";
import type { Stance } from "../../shared/protocol.ts";

const STANCES: (Stance | null)[] = ["support", "reservation", "objection", null];

export interface SoakSeats {
  /** Delegations with no scripted seat: where the measured student sits. */
  freeDelegations: string[];
  /** Starts `perSecond` changes a second (alternating chat lines and stance changes). */
  start(perSecond: number): void;
  stop(): void;
  /** How many changes were sent, and how many the server refused. */
  counts(): { sent: number; refused: number; chatLines: number };
  leave(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(ok: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`soak setup: ${what} did not happen within ${ms} ms`);
    await sleep(50);
  }
}

export async function soakSeats(endpoint: string, session: { code: string; hostKey: string }): Promise<SoakSeats> {
  const track = new RoomTrack<AccordSeat>(new TrackStats());
  const host = new AccordSeat(0, track);
  await host.join(endpoint, session.code, { hostKey: session.hostKey });
  const delegations = host.view!.scenario.delegations.map((d) => d.id);
  const delegates: AccordSeat[] = [];
  for (let i = 0; i < 4; i++) {
    const seat = new AccordSeat(i + 1, track);
    await seat.join(endpoint, session.code, { name: `Speaker ${i + 1}`, delegation: delegations[i]! });
    delegates.push(seat);
  }
  host.send({ type: "phase.next" });
  host.send({ type: "phase.next" });
  await until(() => delegates.every((d) => d.view?.phase === "negotiation"), 20_000, "Negotiation");
  const cards = host.view!.scenario.cards.map((c) => c.id);
  for (let i = 0; i < 3; i++) delegates[i]!.send({ type: "provision.table", instrument: "code", card: cards[i]! });
  await until(() => (host.view?.provisions.length ?? 0) >= 3, 20_000, "three provisions tabled");
  const provisions = host.view!.provisions.map((p) => p.id);

  let timer: NodeJS.Timeout | null = null;
  let sent = 0;
  let chatLines = 0;
  const seats: SoakSeats = {
    freeDelegations: delegations.slice(4),
    start(perSecond) {
      if (timer) return;
      timer = setInterval(() => {
        const d = delegates[sent % delegates.length]!;
        // Chat and stances alternate: the talk panel grows and the provision cards change.
        if (sent % 2 === 0) {
          chatLines++;
          d.send({
            type: "say",
            channel: "floor",
            text: `Line ${chatLines} from speaker ${d.index}: we can agree on this.`,
          });
        } else {
          const provision = provisions[Math.floor(sent / 2) % provisions.length]!;
          d.send({ type: "stance.set", provision, stance: STANCES[Math.floor(sent / 8) % STANCES.length]! });
        }
        sent++;
      }, 1000 / perSecond);
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    counts: () => ({ sent, refused: delegates.reduce((n, d) => n + d.errors.length, 0), chatLines }),
    async leave() {
      seats.stop();
      await Promise.all([host, ...delegates].map((s) => s.leave()));
    },
  };
  return seats;
}
