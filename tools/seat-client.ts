// One seat's connection as tests and the bench drive it, speaking the protocol
// as the browser client does (client/net/connection.ts): colyseus.js joins,
// the welcome names the seat, the view is kept by applying each patch in
// order with shared/patch.ts, and every action goes out as an "act" message
// with a rising sequence number that its ack or error answers.
import { Client, type Room } from "colyseus.js";
import { applyPatch } from "../shared/patch.ts";
import {
  ACT,
  type ClientAction,
  type JoinOptions,
  type PatchOp,
  type ServerMessage,
  type ServerMessageOf,
} from "../shared/protocol.ts";
import type { SessionView } from "../shared/view.ts";

/** The server's answer to one numbered action, or "lost" when the connection went first. */
export type Answer = ServerMessageOf<"ack"> | ServerMessageOf<"error"> | { type: "lost" };

export interface SeatClientOptions {
  /** Names the seat in errors. */
  label?: string;
  /** How long a join, a first view or an answer may take. Default 10 s. */
  timeoutMs?: number;
  /** Keep every message received, for tests that search them. Off for the bench's hundreds of seats. */
  keepMessages?: boolean;
  /** Shapes a whole view before it is kept (the bench shares equal values between seats). */
  shareView?: (view: SessionView) => SessionView;
  /** Shapes a patch's operations before they are applied. */
  sharePatch?: (ops: PatchOp[]) => PatchOp[];
  /** Called with every message, after the seat has taken it in. */
  onMessage?: (message: ServerMessage, seat: SeatClient) => void;
}

export class SeatClient {
  room: Room;
  view: SessionView | null = null;
  rev = 0;
  private welcomeMessage: ServerMessageOf<"welcome"> | null = null;
  /** Every message received, oldest first (only with keepMessages). */
  readonly received: ServerMessage[] = [];
  /** The close code once the connection is gone; null while connected. */
  left: number | null = null;
  readonly label: string;
  private seq = 0;
  private readonly waiting = new Map<number, (answer: Answer) => void>();

  constructor(
    room: Room,
    private readonly options: SeatClientOptions = {},
  ) {
    this.label = options.label ?? "seat";
    this.room = room;
    this.listen(room);
  }

  /** Joins the session `code` through `endpoint` and resolves once the seat's first view has arrived. */
  static async connect(
    endpoint: string,
    code: string,
    join: JoinOptions,
    options: SeatClientOptions = {},
  ): Promise<SeatClient> {
    const ms = options.timeoutMs ?? 10_000;
    const room = await withTimeout(new Client(endpoint).joinById(code, join), ms, `${options.label ?? "seat"}'s join`);
    const seat = new SeatClient(room, options);
    await seat.until(() => seat.view !== null && seat.welcomeMessage !== null, "first view", ms);
    return seat;
  }

  /** Listens on a room: the first one, or one taken back after a reconnect. */
  listen(room: Room): void {
    this.room = room;
    this.left = null;
    room.onMessage("*", (_type, message: ServerMessage) => this.take(message));
    room.onLeave((code) => {
      if (this.room !== room) return;
      this.left = code;
      for (const answer of this.waiting.values()) answer({ type: "lost" });
      this.waiting.clear();
    });
  }

  private take(message: ServerMessage): void {
    if (this.options.keepMessages) this.received.push(message);
    switch (message.type) {
      case "welcome":
        this.welcomeMessage = message;
        break;
      case "view":
        this.view = this.options.shareView ? this.options.shareView(message.view) : message.view;
        this.rev = message.rev;
        break;
      case "patch":
        // A patch applies to the revision before it only; a gap means a lost message, which the protocol rules out.
        if (message.rev !== this.rev + 1) throw new Error(`${this.label}: patch ${message.rev} after ${this.rev}`);
        this.view = applyPatch(this.view, this.options.sharePatch ? this.options.sharePatch(message.ops) : message.ops);
        this.rev = message.rev;
        break;
      case "ack":
      case "error":
        if (message.seq !== undefined) {
          this.waiting.get(message.seq)?.(message);
          this.waiting.delete(message.seq);
        }
        break;
    }
    this.options.onMessage?.(message, this);
  }

  /** The last welcome: the seat, its role and delegation, and its own seat token and rejoin code. */
  get welcome(): ServerMessageOf<"welcome"> {
    if (!this.welcomeMessage) throw new Error(`${this.label} has no welcome`);
    return this.welcomeMessage;
  }

  /** The seat's id, from its welcome. */
  get seat(): string {
    return this.welcome.seat;
  }

  get connected(): boolean {
    return this.left === null;
  }

  /** The next sequence number (for a caller that resends one action under the same number). */
  nextSeq(): number {
    return ++this.seq;
  }

  /** Sends an action without waiting for its answer; returns its sequence number. */
  post(action: ClientAction | Record<string, unknown>, seq = this.nextSeq()): number {
    this.room.send(ACT, { seq, action });
    return seq;
  }

  /** Sends an action and resolves with the answer to its number ("lost" if the connection drops first). */
  send(action: ClientAction | Record<string, unknown>, seq = this.nextSeq()): Promise<Answer> {
    if (!this.connected) return Promise.resolve({ type: "lost" });
    const ms = this.options.timeoutMs ?? 10_000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(seq);
        reject(new Error(`${this.label}: no answer to ${JSON.stringify(action)}`));
      }, ms);
      this.waiting.set(seq, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      this.post(action, seq);
    });
  }

  /** Sends an action that must be accepted. */
  async ok(action: ClientAction): Promise<void> {
    const answer = await this.send(action);
    if (answer.type !== "ack")
      throw new Error(
        `${this.label}: ${action.type} not accepted: ${answer.type === "error" ? `${answer.code} ${answer.message}` : "connection lost"}`,
      );
  }

  /** Sends an action that must be refused; returns the refusal. */
  async refused(action: ClientAction | Record<string, unknown>): Promise<ServerMessageOf<"error">> {
    const answer = await this.send(action);
    if (answer.type !== "error") throw new Error(`${this.label}: ${JSON.stringify(action)} was ${answer.type}`);
    return answer;
  }

  /** The next message of this type among those received after `from` (with keepMessages). */
  async next<T extends ServerMessage["type"]>(
    type: T,
    from = this.received.length,
    ms = this.options.timeoutMs ?? 10_000,
  ): Promise<ServerMessageOf<T>> {
    let found: ServerMessageOf<T> | undefined;
    const match = () => (found = this.received.slice(from).find((m): m is ServerMessageOf<T> => m.type === type));
    await this.until(() => match() !== undefined, `the next ${type}`, ms);
    return found!;
  }

  /** Everything this seat ever received, as one string to search for secrets (with keepMessages). */
  transcript(): string {
    return JSON.stringify(this.received) + JSON.stringify(this.view);
  }

  /** Waits (polling) until `check` holds. */
  async until(check: () => boolean, what: string, ms = this.options.timeoutMs ?? 10_000): Promise<void> {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error(`${this.label}: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Leaves; bounded, since a connection to a process that died never answers. */
  async leave(): Promise<void> {
    if (!this.connected) return;
    await Promise.race([this.room.leave(true).catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms)),
    ),
  ]);
}
