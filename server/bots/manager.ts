// The computer players of one session: a driver for each computer
// delegation's seat (started when the host switches it on, stopped when the
// host switches it off) and the computer chair when the session has one.
// Each is a client of its seat through the room's link, like a student's.
import type { SessionState } from "../../shared/state.ts";
import type { SessionView } from "../../shared/view.ts";
import { decide, freshMemory, type BotMemory, type BotSelf } from "../../shared/bots/policy.ts";
import { chairMove } from "../../shared/bots/chair.ts";
import { seedOf } from "../../shared/seeded.ts";
import type { Difficulty } from "../../shared/bots/difficulty.ts";
import { SeatDriver, humanPause, type Brain } from "./driver.ts";
import type { BotRoom } from "./link.ts";
import type { BotScheduler } from "./scheduler.ts";

/** Rounds with nothing to do in Negotiation before a computer delegation counts as done with it. */
const DONE_AFTER_IDLE = 6;
const HOST_SEAT = "s1";

function delegationBrain(self: BotSelf): Brain & { memory: BotMemory } {
  const memory = freshMemory();
  return {
    memory,
    next: (view) => decide(view, self, memory),
    done: (key) => memory.done.add(key),
    idle: (view) => {
      if (view.phase === "negotiation") memory.idle++;
    },
    pause: humanPause,
  };
}

export class BotManager {
  private readonly drivers = new Map<string, { driver: SeatDriver; brain: ReturnType<typeof delegationBrain> }>();
  private chair: SeatDriver | null = null;

  constructor(
    private readonly room: BotRoom,
    private readonly scheduler: BotScheduler,
  ) {}

  /** Starts and stops players to match the state: called after every accepted action. */
  sync(state: SessionState): void {
    const wanted = new Map(state.seats.filter((s) => s.computer && s.delegation).map((s) => [s.id, s]));
    for (const [id, { driver }] of this.drivers) {
      if (!wanted.has(id) || state.ended) {
        driver.close();
        this.drivers.delete(id);
      }
    }
    if (!state.ended) {
      for (const [id, seat] of wanted) {
        if (this.drivers.has(id)) continue;
        const self: BotSelf = {
          delegation: seat.delegation!,
          seat: id,
          difficulty: seat.computer as Difficulty,
          seed: seedOf(state.code, state.createdAt, seat.delegation!),
        };
        const brain = delegationBrain(self);
        const driver = new SeatDriver(brain, this.scheduler, self.seed, seat.lastSeq, () => this.chair?.poke());
        this.drivers.set(id, { driver, brain });
        driver.attach(this.room.attach(id, (m) => driver.receive(m), true));
      }
    }
    const chairWanted = state.autoChair === true && !state.ended;
    if (chairWanted && !this.chair) this.startChair(state);
    if (!chairWanted && this.chair) {
      this.chair.close();
      this.chair = null;
    }
  }

  /**
   * Every delegation is played by the computer and none has anything left to
   * do. A student seated, or a delegation waiting for one (practice before the
   * participant arrives), leaves the pace to the timers.
   */
  settled(view: SessionView): boolean {
    const delegates = view.seats.filter((s) => s.role === "delegate");
    if (delegates.some((s) => !s.computer)) return false;
    if (view.scenario.delegations.some((d) => !delegates.some((s) => s.delegation === d.id))) return false;
    for (const { driver, brain } of this.drivers.values()) {
      if (!driver.idle) return false;
      if (view.phase === "negotiation" && brain.memory.idle < DONE_AFTER_IDLE) return false;
    }
    return true;
  }

  /** How many actions the computer delegations have sent (moves and their floor lines). */
  actionsSent(): number {
    let n = 0;
    for (const { driver } of this.drivers.values()) n += driver.sent;
    return n;
  }

  private startChair(state: SessionState): void {
    const done = new Set<string>();
    let phase = state.phase;
    const brain: Brain = {
      next: (view) => {
        if (view.phase !== phase) {
          phase = view.phase;
          done.clear();
        }
        const move = chairMove(view, this.settled(view), done);
        return move && { ...move, line: null };
      },
      done: (key) => done.add(key),
      idle: () => {},
      pause: () => 1_500,
    };
    const chair = new SeatDriver(brain, this.scheduler, seedOf(state.code, "chair"), 0);
    this.chair = chair;
    chair.attach(this.room.attach(HOST_SEAT, (m) => chair.receive(m), false));
  }

  close(): void {
    for (const { driver } of this.drivers.values()) driver.close();
    this.drivers.clear();
    this.chair?.close();
    this.chair = null;
  }
}
