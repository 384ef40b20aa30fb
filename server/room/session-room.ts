// The Colyseus room of one session: a thin adapter of public Colyseus 0.16
// APIs around `Session` (session.ts), which holds all the behaviour. It turns
// each client into a `Connection`, hands joins, leaves, reconnections and
// every message (whatever its type or body) to the session, and keeps the
// room's listing in step. Frames reach it only after the transport gate
// (gate.ts) has checked that Colyseus can read them.
import { Protocol, Room, ServerError, getMessageBytes, type AuthContext, type Client, type Deferred } from "colyseus";
import { ACT, RESYNC, type ServerMessage } from "../../shared/protocol.ts";
import { RESTARTING_MESSAGE } from "../shutdown.ts";
import { ListingFacts } from "../scale/listing-facts.ts";
import type { RoomDeps } from "./deps.ts";
import { joinError } from "./errors.ts";
import type { Connection } from "./ports.ts";
import { Session } from "./session.ts";

/**
 * A message's bytes, as client.send(type, message) would make them, encoded
 * once however many clients it goes to: the fan-out hands every viewer of an
 * audience the same message object.
 */
const encodedMessages = new WeakMap<ServerMessage, Buffer>();
function encoded(message: ServerMessage): Buffer {
  let bytes = encodedMessages.get(message);
  if (!bytes)
    encodedMessages.set(message, (bytes = getMessageBytes.raw(Protocol.ROOM_DATA, message.type, message) as Buffer));
  return bytes;
}

/** A Colyseus client as the session sees it; after a reconnection it speaks through the new client. */
class ClientConnection implements Connection {
  constructor(
    readonly id: string,
    public client: Client,
  ) {}
  send(message: ServerMessage): void {
    // Queued by Colyseus until the client has confirmed its join, sent at once after.
    this.client.enqueueRaw(encoded(message));
  }
  close(code: number, reason?: string): void {
    // A WebSocket close reason is at most 123 bytes; a longer one would throw.
    this.client.leave(code, reason !== undefined && Buffer.byteLength(reason) <= 123 ? reason : undefined);
  }
}

interface Link {
  conn: ClientConnection;
}

/** The body of a message whose type was literally "*" (see the wildcard handler below). */
class SentAsStar {
  constructor(readonly body: unknown) {}
}

export class SessionRoom extends Room<object, unknown, Link, { ip: string }> {
  /** Set by the app's subclass (see `sessionRoomClass`). */
  protected deps!: RoomDeps;
  private session!: Session;
  /** The session's public facts in the room listing, for other processes (several processes behind Redis). */
  private readonly listingFacts = new ListingFacts(this);

  override onCreate(options: { code: string }): void {
    this.roomId = options.code;
    this.autoDispose = false;
    const stored = this.deps.preloaded?.get(options.code) ?? this.deps.store.load(options.code);
    this.deps.preloaded?.delete(options.code);
    if (!stored) throw new Error(`no stored session ${options.code}`);
    this.session = new Session(
      {
        ...this.deps,
        scheduler: {
          setTimeout: (run, ms) => this.clock.setTimeout(run, ms),
          setInterval: (run, ms) => this.clock.setInterval(run, ms),
        },
      },
      stored,
    );
    this.session.onChange = (state) => this.listingFacts.sync(state);
    this.listingFacts.sync(this.session.state);
    this.deps.rooms.set(this.code, this);

    // Every message goes to the session, whatever its type. Colyseus calls a
    // handler registered for a type with (client, body), and the "*" handler
    // for any other type with (client, type, body); a client may also name
    // "*" or Colyseus's reserved "__no_message_handler" itself. `validate` runs
    // only for a handler found by its exact type, so it marks a literal "*".
    this.onMessage(ACT, (client: Client<Link>, body: unknown) => this.receive(client, ACT, body));
    this.onMessage(RESYNC, (client: Client<Link>, body: unknown) => this.receive(client, RESYNC, body));
    this.onMessage("__no_message_handler", (client: Client<Link>, body: unknown) =>
      this.receive(client, "__no_message_handler", body),
    );
    const wildcard = (client: Client<Link>, typeOrStar: unknown, ...rest: unknown[]) =>
      typeOrStar instanceof SentAsStar
        ? this.receive(client, "*", typeOrStar.body)
        : this.receive(client, typeOrStar, rest[0]);
    this.onMessage("*" as string, wildcard, (body: unknown) => new SentAsStar(body));
  }

  get code(): string {
    return this.roomId;
  }

  /** The session's current state (read-only for the HTTP API and exports). */
  sessionState(): Session["state"] {
    return this.session.state;
  }

  hostSetup(actions: Parameters<Session["hostSetup"]>[0]): ReturnType<Session["hostSetup"]> {
    return this.session.hostSetup(actions);
  }

  private receive(client: Client<Link>, type: unknown, body: unknown): void {
    const conn = client.userData?.conn;
    if (!conn) return;
    try {
      this.session.receive(conn, type, body);
    } catch (e) {
      // The session answers every message itself; this only keeps a bug from ending the process.
      this.deps.log.error({ session: this.code, err: (e as Error).message }, "message entry failed");
    }
  }

  /** Anything thrown in a handler or timer is logged, never passed up to end the process. */
  override onUncaughtException(error: Error, method: string): void {
    // Refused joins are thrown on purpose (they reach the client as its join error).
    if (method === "onJoin" && error.cause instanceof ServerError) return;
    this.deps.log.error({ session: this.code, method, err: error.message }, "uncaught in a room handler");
  }

  override onAuth(_client: Client, _options: unknown, context: AuthContext): { ip: string } {
    const raw = context.ip;
    const ip = (Array.isArray(raw) ? raw[0] : raw)?.split(",")[0]?.trim() || "unknown";
    return { ip };
  }

  override onJoin(client: Client<Link>, options: unknown, auth: { ip: string }): void {
    const conn = new ClientConnection(`${this.code}/${client.sessionId}`, client);
    client.userData = { conn };
    const outcome = this.session.join(conn, options, auth.ip);
    if (!outcome.ok) {
      client.userData = undefined;
      throw joinError(outcome.code, outcome.message);
    }
  }

  override async onLeave(client: Client<Link>, consented: boolean): Promise<void> {
    const conn = client.userData?.conn;
    if (!conn) return;
    const hold: { waiting?: Deferred<Client>; ended?: boolean } = {};
    const held = this.session.leave(conn, consented, () => {
      hold.ended = true;
      hold.waiting?.reject(new Error("the seat's hold ended"));
    });
    if (!held || hold.ended) return;
    // The session keeps the time (its hold timer); Colyseus only keeps the seat reserved until told.
    hold.waiting = this.allowReconnection(client, "manual");
    try {
      conn.client = (await hold.waiting) as Client<Link>;
      this.session.reconnect(conn);
    } catch {
      // The hold ended, the seat was taken over, or the room is closing: the session already knows.
    }
  }

  /** Tells every client why it is being let go, then closes the room; their seats stay theirs. */
  async closeWith(kind: "restarting" | "session-deleted", message: string): Promise<void> {
    this.session.close(kind, message);
    await this.disconnect();
  }

  override onBeforeShutdown(): void {
    void this.closeWith("restarting", RESTARTING_MESSAGE);
  }

  override onDispose(): void {
    this.session.dispose();
    if (this.deps.rooms.get(this.code) === this) this.deps.rooms.delete(this.code);
  }
}

/** The room class the matchmaker builds, bound to this server's dependencies. */
export function sessionRoomClass(deps: RoomDeps): typeof SessionRoom {
  return class BoundSessionRoom extends SessionRoom {
    constructor() {
      super();
      this.deps = deps;
    }
  };
}
