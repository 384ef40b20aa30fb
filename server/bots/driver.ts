// Plays one seat as a client would: keeps the seat's view from the server's
// views and patches, and after a human pause asks its brain for the next
// move, sends it as an `act` message, and once it is acknowledged puts the
// move's one-line explanation on the floor. A refused move is not retried;
// anything rate-limited waits and goes again, as a student would.
import { applyPatch } from "../../shared/patch.ts";
import type { ClientAction, ServerMessage } from "../../shared/protocol.ts";
import type { SessionView } from "../../shared/view.ts";
import { seeded, type Rng } from "../../shared/seeded.ts";
import type { SeatLink } from "./link.ts";
import { thinkingMs, type BotScheduler } from "./scheduler.ts";

export interface BrainMove {
  action: ClientAction;
  line: string | null;
  key: string;
}

export interface Brain {
  /** The next move from the seat's view, or null when there is nothing to do now. */
  next(view: SessionView): BrainMove | null;
  /** The move was sent (or refused): do not choose it again. */
  done(key: string): void;
  /** Nothing to do in this round (firmness wears down with rounds). */
  idle(view: SessionView): void;
  /** How long to wait, in human milliseconds, before the move. */
  pause(rng: Rng, move: BrainMove): number;
}

export class SeatDriver {
  private link: SeatLink | null = null;
  private view: SessionView | null = null;
  private rev = 0;
  private stale = false;
  private seq: number;
  /** What is being sent: the move, then its line; the head waits for its answer. */
  private outbox: { action: ClientAction; move: BrainMove | null }[] = [];
  private awaiting: { seq: number; move: BrainMove | null } | null = null;
  private cancel: (() => void) | null = null;
  private readonly rng: Rng;
  private closed = false;
  /** Whether its last look found nothing to do. */
  idle = false;
  /** Actions sent (moves and their floor lines). */
  sent = 0;

  constructor(
    private readonly brain: Brain,
    private readonly scheduler: BotScheduler,
    seed: number,
    lastSeq: number,
    private readonly onIdle: () => void = () => {},
  ) {
    this.rng = seeded(seed);
    this.seq = lastSeq;
  }

  attach(link: SeatLink): void {
    this.link = link;
  }

  receive(message: ServerMessage): void {
    if (this.closed) return;
    switch (message.type) {
      case "view":
        this.idle = false;
        this.view = message.view;
        this.rev = message.rev;
        this.stale = false;
        return this.poke();
      case "patch":
        if (!this.view || this.stale) return;
        if (message.rev !== this.rev + 1) {
          this.stale = true;
          this.link?.resync();
          return;
        }
        this.view = applyPatch(this.view, message.ops);
        this.rev = message.rev;
        // Something changed: it is not done until it has looked at the change.
        this.idle = false;
        return this.poke();
      case "ack":
        return this.answered(message.seq, null);
      case "error":
        if (message.seq !== undefined) this.answered(message.seq, message.code);
        return;
      default:
        return;
    }
  }

  /** Something changed: look again soon, unless a look or an answer is already on its way. */
  poke(delayMs?: number): void {
    if (this.closed || this.cancel || this.awaiting || this.outbox.length > 0 || !this.view) return;
    const wait = delayMs ?? 500 + this.rng() * 1_000;
    this.cancel = this.scheduler.after(wait, () => {
      this.cancel = null;
      this.look();
    });
  }

  private look(): void {
    if (this.closed || !this.view || this.awaiting || this.outbox.length > 0) return;
    const move = this.brain.next(this.view);
    if (!move) {
      this.brain.idle(this.view);
      const wasIdle = this.idle;
      this.idle = true;
      if (!wasIdle || this.view.phase === "negotiation") this.onIdle();
      // In Negotiation it looks again now and then: holding out wears thin with time.
      if (this.view.phase === "negotiation") this.poke(15_000);
      return;
    }
    this.idle = false;
    this.cancel = this.scheduler.after(this.brain.pause(this.rng, move), () => {
      this.cancel = null;
      this.send(move);
    });
  }

  private send(move: BrainMove): void {
    if (this.closed || !this.link) return;
    this.brain.done(move.key);
    this.outbox = [{ action: move.action, move }];
    if (move.line) this.outbox.push({ action: { type: "say", channel: "floor", text: move.line }, move: null });
    this.flush();
  }

  /** Sends the head of the outbox, numbered like any client's action. */
  private flush(): void {
    const head = this.outbox[0];
    if (this.closed || !this.link || !head) return;
    const seq = ++this.seq;
    this.awaiting = { seq, move: head.move };
    this.sent++;
    this.link.act({ seq, action: head.action });
  }

  private answered(seq: number, refusal: string | null): void {
    const awaiting = this.awaiting;
    if (!awaiting || awaiting.seq !== seq) return;
    this.awaiting = null;
    if (refusal === "RATE_LIMITED") {
      // Told to slow down, like a student: wait, then send the same thing again.
      this.sent--;
      this.cancel = this.scheduler.after(1_000, () => {
        this.cancel = null;
        this.flush();
      });
      return;
    }
    // A refused move takes its explanation with it; an accepted one is followed by it.
    if (refusal === null) this.outbox.shift();
    else this.outbox = [];
    if (this.outbox.length > 0) return this.flush();
    this.poke();
  }

  close(): void {
    this.closed = true;
    this.cancel?.();
    this.cancel = null;
    this.link?.close();
    this.link = null;
  }
}

export const humanPause = (rng: Rng, move: BrainMove): number => thinkingMs(rng(), move.line);
