// One seat's live link to its session: joins, keeps the seat's view (full
// views and patches), numbers actions, matches refusals to the action that
// caused them, and reconnects by itself keeping the seat.
import { Client, type Room } from "colyseus.js";
import type { ClientAction, JoinOptions, PatchOp, ServerMessage, ServerMessageOf } from "../../shared/protocol.ts";
import { ACT, RESYNC } from "../../shared/message-types.ts";
import type { SessionView } from "../../shared/view.ts";
import { joinRefusal } from "./refusal-words.ts";
import { makeSeq } from "./seq.ts";
import { ServerClock } from "./server-clock.ts";
import { ViewKeeper } from "./view-keeper.ts";

export type LinkState = "connecting" | "connected" | "reconnecting" | "offline";
export type Welcome = ServerMessageOf<"welcome">;
export interface Refusal {
  code: string;
  words: string;
  action?: string;
  seq?: number;
}
export interface ActHooks {
  onRefused?: (r: Refusal) => void;
  onAccepted?: () => void;
}

type Listener<T> = (value: T) => void;
export const SEAT_GIVEN_UP =
  "You were away too long, so your seat was given up. Your delegation's work is all still there: join again with your name.";

const STOP_NOTICES = new Set(["kicked", "seat-handed", "session-ended", "session-deleted"]);

export class SessionLink {
  welcome: Welcome | null = null;
  state: LinkState = "connecting";
  lastError: Refusal | null = null;
  lastNotice: ServerMessageOf<"notice"> | null = null;
  /** This seat's own answers to the debrief questions, as the server last sent them (null: none sent yet). */
  reflection: (string | null)[] | null = null;
  /** The server's clock: timers are drawn against it, not the device's. */
  readonly clock = new ServerClock();
  /** How many times a missing patch made this link fetch the whole view again. */
  resyncs = 0;

  private room: Room | null = null;
  private readonly keeper = new ViewKeeper();
  private readonly client: Client;
  private readonly nextSeq: () => number;
  private readonly pending = new Map<number, { action: ClientAction; hooks: ActHooks }>();
  private readonly listeners = {
    view: new Set<Listener<SessionView>>(),
    state: new Set<Listener<LinkState>>(),
    event: new Set<Listener<Record<string, unknown>>>(),
    refusal: new Set<Listener<Refusal>>(),
    notice: new Set<Listener<ServerMessageOf<"notice">>>(),
    welcome: new Set<Listener<Welcome>>(),
    reflection: new Set<Listener<(string | null)[]>>(),
  };
  private stopped = false;
  /** The server said it is restarting: its goodbye (close code 4000) is not the end of the seat. */
  private serverRestarting = false;
  private firstView: Promise<void>;
  private resolveFirstView!: () => void;

  private constructor(
    readonly code: string,
    private credentials: JoinOptions,
    endpoint: string,
  ) {
    this.client = new Client(endpoint);
    this.nextSeq = makeSeq(code);
    this.firstView = new Promise((resolve) => (this.resolveFirstView = resolve));
  }

  /** Joins and waits for the seat's first view. A refused join throws a JoinRefusal-shaped error. */
  static async open(code: string, credentials: JoinOptions, endpoint = defaultEndpoint()): Promise<SessionLink> {
    const link = new SessionLink(code, credentials, endpoint);
    try {
      link.attach(await link.client.joinById(code, credentials));
    } catch (err) {
      throw Object.assign(new Error("join refused"), { refusal: joinRefusal(err) });
    }
    await withTimeout(link.firstView, 15_000);
    return link;
  }

  get view(): SessionView | null {
    return this.keeper.view;
  }
  get rev(): number {
    return this.keeper.rev;
  }

  on<K extends keyof SessionLink["listeners"]>(
    kind: K,
    fn: SessionLink["listeners"][K] extends Set<infer L> ? L : never,
  ): () => void {
    const set = this.listeners[kind] as Set<unknown>;
    set.add(fn);
    return () => set.delete(fn);
  }

  /** Sends an action; returns its seq. A refusal comes back to `hooks.onRefused`. */
  act(action: ClientAction, hooks: ActHooks = {}): number {
    const seq = this.nextSeq();
    this.pending.set(seq, { action, hooks });
    this.room?.send(ACT, { seq, action });
    return seq;
  }

  async leave(): Promise<void> {
    this.stopped = true;
    await this.room?.leave(true).catch(() => undefined);
    this.setState("offline");
  }

  private attach(room: Room): void {
    this.room = room;
    this.serverRestarting = false;
    room.onMessage("*", (type: string | number, message: unknown) => this.receive(type, message));
    room.onLeave((code: number) => {
      if (this.room !== room) return;
      this.room = null;
      // 4000 is a goodbye, unless the server said it is restarting: then come back like after a drop.
      if (this.stopped || (code === 4000 && !this.serverRestarting)) this.setState("offline");
      else void this.reconnect(room.reconnectionToken);
    });
    this.setState("connected");
  }

  /** What one server message does to the link (the socket's handler; a test can hand it a message too). */
  receive(type: string | number, message: unknown): void {
    const msg = (
      typeof message === "object" && message !== null && "type" in message ? message : { ...(message as object), type }
    ) as ServerMessage;
    switch (msg.type) {
      case "welcome":
        this.welcome = msg;
        this.clock.sync(msg.serverTime);
        // From now on this seat comes back with its token, whatever it joined with.
        if (msg.seatToken && msg.role !== "host") this.credentials = { seatToken: msg.seatToken };
        this.emit("welcome", msg);
        return;
      case "view":
        this.keeper.whole(msg.rev, msg.view);
        this.setView();
        return;
      case "patch": {
        const kept = this.keeper.patch(msg.rev, msg.ops as PatchOp[]);
        if (kept === "applied") this.setView();
        else if (kept === "gap") this.resync();
        return;
      }
      case "event":
        this.emit("event", msg.event);
        return;
      case "ack": {
        const p = this.pending.get(msg.seq);
        this.pending.delete(msg.seq);
        p?.hooks.onAccepted?.();
        return;
      }
      case "error": {
        const refusal: Refusal = {
          code: msg.code,
          words: msg.message || "The server refused that.",
          action: msg.action,
          seq: msg.seq,
        };
        this.lastError = refusal;
        if (msg.seq !== undefined) {
          const p = this.pending.get(msg.seq);
          this.pending.delete(msg.seq);
          p?.hooks.onRefused?.(refusal);
        }
        this.emit("refusal", refusal);
        return;
      }
      case "reflection":
        this.reflection = msg.answers;
        this.emit("reflection", msg.answers);
        return;
      case "notice":
        this.lastNotice = msg;
        if (STOP_NOTICES.has(msg.kind)) this.stopped = true;
        if (msg.kind === "restarting") this.serverRestarting = true;
        this.emit("notice", msg);
        return;
    }
  }

  /** A patch went missing: ask for the whole view again (the seat stays connected throughout). */
  private resync(): void {
    this.resyncs++;
    this.room?.send(RESYNC);
  }

  private async reconnect(token: string): Promise<void> {
    this.setState("reconnecting");
    for (let attempt = 0; !this.stopped; attempt++) {
      await sleep(Math.min(500 * 2 ** attempt, 5000));
      if (typeof navigator !== "undefined" && navigator.onLine === false) {
        this.setState("offline");
        continue;
      }
      this.setState("reconnecting");
      try {
        // The server holds the seat for a while: reconnect to it; else join again with the seat's credentials.
        const room =
          attempt < 2 ? await this.client.reconnect(token) : await this.client.joinById(this.code, this.credentials);
        this.attach(room);
        // Actions never acknowledged are sent again with their seq: the server applies each once.
        for (const [seq, { action }] of this.pending) room.send(ACT, { seq, action });
        return;
      } catch (err) {
        const refusal = joinRefusal(err);
        if (
          ["UNKNOWN_SESSION", "UNKNOWN_SEAT", "BAD_HOST_KEY", "SESSION_ENDED"].includes(refusal.code) &&
          attempt >= 2
        ) {
          // The seat token no longer opens a seat: it was given up while this device was away too long.
          const words =
            refusal.code === "UNKNOWN_SEAT" && "seatToken" in this.credentials ? SEAT_GIVEN_UP : refusal.words;
          this.lastError = { code: refusal.code, words };
          this.stopped = true;
          this.setState("offline");
          return;
        }
      }
    }
  }

  private setView(): void {
    const view = this.keeper.view!;
    this.clock.atLeast(view.now);
    this.emit("view", view);
    this.resolveFirstView();
  }

  private setState(state: LinkState): void {
    if (this.state === state) return;
    this.state = state;
    this.emit("state", state);
  }

  private emit<K extends keyof SessionLink["listeners"]>(kind: K, value: unknown): void {
    for (const fn of this.listeners[kind] as Set<(v: unknown) => void>) fn(value);
  }
}

export function defaultEndpoint(): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error("The session did not answer in time.")), ms)),
  ]);
}
