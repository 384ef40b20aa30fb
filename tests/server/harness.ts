// A real server on 127.0.0.1 and real colyseus.js clients that remember every
// message they receive, keep their view up to date from patches, and send
// numbered actions that resolve with the server's ack or error.
import { Client, type Room } from "colyseus.js";
import { createAccordServer, type AccordServer, type AccordServerOptions } from "../../server/app.ts";
import { applyPatch } from "../../shared/patch.ts";
import type { ClientAction, JoinOptions, ServerMessage, ServerMessageOf } from "../../shared/protocol.ts";
import type { SessionView } from "../../shared/view.ts";

export const WAIT_MS = 5_000;

// colyseus.js warns on the console about every refused join and closed socket,
// which the tests cause on purpose; keep the test output for real problems.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === "string" && /^(colyseus\.js|Room connection was closed|Room, onError)/.test(args[0])) return;
  warn(...args);
};

export async function startServer(options: Partial<AccordServerOptions> = {}): Promise<AccordServer> {
  return createAccordServer({ port: 0, host: "127.0.0.1", log: () => {}, restore: false, ...options });
}

export async function createSession(server: AccordServer, body?: unknown) {
  const res = await fetch(`${server.url}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status !== 201) throw new Error(`POST /api/sessions answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { code: string; hostKey: string; hostUrl: string; joinUrl: string; observerUrl: string };
}

export async function until(check: () => boolean, what: string, ms = WAIT_MS): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export type Answer = ServerMessageOf<"ack"> | ServerMessageOf<"error">;

export class Player {
  readonly received: ServerMessage[] = [];
  view: SessionView | null = null;
  rev = 0;
  left: number | null = null;
  private seq = 0;
  private waiting = new Map<number, (answer: Answer) => void>();

  private constructor(
    readonly label: string,
    public room: Room,
  ) {
    this.listen(room);
  }

  static async join(server: AccordServer, code: string, options: JoinOptions, label = "player"): Promise<Player> {
    const client = new Client(server.url);
    const room = await client.joinById(code, options);
    const player = new Player(label, room);
    await until(() => player.view !== null, `${label}'s first view`);
    return player;
  }

  /** A player on a room joined some other way (a client with its own headers). */
  static fromRoom(label: string, room: Room): Player {
    return new Player(label, room);
  }

  /** Listens on a room (the first one, or one taken back after a reconnect). */
  listen(room: Room): void {
    this.room = room;
    this.left = null;
    room.onMessage("*", (_type, message: ServerMessage) => this.receive(message));
    room.onLeave((code) => {
      this.left = code;
    });
  }

  private receive(message: ServerMessage): void {
    this.received.push(message);
    if (message.type === "view") {
      this.view = message.view as SessionView;
      this.rev = message.rev;
    } else if (message.type === "patch") {
      if (message.rev !== this.rev + 1) throw new Error(`${this.label}: patch ${message.rev} after ${this.rev}`);
      this.view = applyPatch(this.view, message.ops);
      this.rev = message.rev;
    } else if (message.type === "ack" || message.type === "error") {
      if (message.type === "error" && message.seq === undefined) return;
      this.waiting.get(message.seq!)?.(message);
      this.waiting.delete(message.seq!);
    }
  }

  get welcome(): ServerMessageOf<"welcome"> {
    const w = this.received.find((m): m is ServerMessageOf<"welcome"> => m.type === "welcome");
    if (!w) throw new Error(`${this.label} has no welcome`);
    return w;
  }

  get seat(): string {
    return this.welcome.seat;
  }

  /** Sends an action with the next sequence number; resolves with the answer to that number. */
  send(action: ClientAction | Record<string, unknown>, seq = ++this.seq): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.label}: no answer to ${JSON.stringify(action)}`)),
        WAIT_MS,
      );
      this.waiting.set(seq, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      this.room.send("act", { seq, action });
    });
  }

  /** Sends an action that must be accepted. */
  async ok(action: ClientAction): Promise<void> {
    const answer = await this.send(action);
    if (answer.type !== "ack")
      throw new Error(`${this.label}: ${action.type} refused: ${answer.code} ${answer.message}`);
  }

  /** Sends an action that must be refused; returns the error. */
  async refused(action: ClientAction | Record<string, unknown>): Promise<ServerMessageOf<"error">> {
    const answer = await this.send(action);
    if (answer.type !== "error") throw new Error(`${this.label}: ${JSON.stringify(action)} was accepted`);
    return answer;
  }

  /** The next message matching, among those received after `from`. */
  async next<T extends ServerMessage["type"]>(
    type: T,
    from = this.received.length,
    ms = WAIT_MS,
  ): Promise<ServerMessageOf<T>> {
    let found: ServerMessageOf<T> | undefined;
    await until(
      () => {
        found = this.received.slice(from).find((m): m is ServerMessageOf<T> => m.type === type);
        return found !== undefined;
      },
      `${this.label}'s next ${type}`,
      ms,
    );
    return found!;
  }

  /** Everything this client ever received, as one string to search for secrets. */
  transcript(): string {
    return JSON.stringify(this.received) + JSON.stringify(this.view);
  }

  get connected(): boolean {
    return this.left === null;
  }

  async leave(): Promise<void> {
    if (this.connected) await this.room.leave(true).catch(() => {});
  }
}
