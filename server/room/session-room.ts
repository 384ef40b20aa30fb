// The Colyseus room of one session: a thin adapter. It resolves who a
// connection is, parses every message with the protocol's zod schemas, takes
// the actor from the connection, asks the rules, journals what they accept,
// and fans out views, events and acks. It keeps no game data of its own and
// no Colyseus state: everything a client sees goes through `viewFor`.
import {
  Protocol,
  Room,
  getMessageBytes,
  type AuthContext,
  type Client,
  type ClientPrivate,
  type Delayed,
} from "colyseus";
import {
  ACT,
  ActMessage,
  RESYNC,
  PROTOCOL_VERSION,
  type ClientAction,
  type RefusalCode,
  type ServerMessage,
} from "../../shared/protocol.ts";
import { LIMITS } from "../../shared/limits.ts";
import { audienceOf, audienceOfSeat } from "../../shared/rules/index.ts";
import type { Actor, Command, Context, GameEvent, Result } from "../../shared/rules/api.ts";
import type { SeatId } from "../../shared/ids.ts";
import type { Audience } from "../../shared/view.ts";
import { mintSeatSecrets } from "../secrets.ts";
import { TokenBucket } from "../limits/rate.ts";
import { readable } from "../limits/readable.ts";
import { RESTARTING_MESSAGE } from "../shutdown.ts";
import { SessionJournal } from "./journal.ts";
import { ViewFanout, type Viewer } from "./fanout.ts";
import { JoinRefusal, planJoin } from "./join.ts";
import { joinError } from "./errors.ts";
import type { RoomDeps } from "./deps.ts";
import { ListingFacts } from "../scale/listing.ts";
import { corkUntilTickEnds } from "../scale/cork.ts";
import { BotManager } from "../bots/manager.ts";
import { paceScheduler } from "../bots/scheduler.ts";
import type { BotRoom, SeatLink } from "../bots/link.ts";

interface Seated {
  seat: SeatId;
  audience: Audience;
  seen: { key?: string; rev?: number };
  bucket: TokenBucket;
  /** Set when this connection no longer speaks for its seat: its leaving changes nothing. */
  gone?: "replaced" | "removed";
}

type SeatClient = Client<Seated>;

/** A client without a socket: a computer delegation (or the computer chair) playing a seat through the same path. */
interface LocalSeat extends Seated {
  receive(message: ServerMessage): void;
  /** False for the chair, which shares the host's seat and must not move its sequence numbers. */
  counted: boolean;
}

/** Where an action came from and where its answer goes: a socket client or a local seat. */
interface Sender {
  seated: Seated;
  reply(message: ServerMessage): void;
  counted: boolean;
}

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
const SYSTEM: Actor = { kind: "system" };
const HOST_SEAT = "s1";

function refusal(code: RefusalCode, message: string, action?: string, seq?: number): ServerMessage {
  return {
    type: "error",
    code,
    message,
    ...(action !== undefined ? { action } : {}),
    ...(seq !== undefined ? { seq } : {}),
  };
}

const seqOf = (raw: unknown): number | undefined => {
  const seq = (raw as { seq?: unknown } | null)?.seq;
  return typeof seq === "number" && Number.isInteger(seq) ? seq : undefined;
};

export class SessionRoom extends Room<object, unknown, Seated, { ip: string }> {
  /** Set by the app's subclass (see `sessionRoomClass`). */
  protected deps!: RoomDeps;
  private journal!: SessionJournal;
  private readonly fanout = new ViewFanout();
  /** The session's public facts in the room listing, for other processes (several processes behind Redis). */
  private readonly listingFacts = new ListingFacts(this);
  /** Seats whose client dropped and may come back, with a way to cancel the wait. */
  private readonly holds = new Map<SeatId, { cancel(): void; takenOver: boolean }>();
  private deadline: Delayed | undefined;
  private deadlineAt: number | null = null;
  /** Shutting down or deleted: clients leaving now keep their seats. */
  private closing = false;
  private readonly locals = new Set<LocalSeat>();
  private bots!: BotManager;

  override onCreate(options: { code: string }): void {
    this.roomId = options.code;
    this.autoDispose = false;
    const stored = this.deps.store.load(options.code);
    if (!stored) throw new Error(`no stored session ${options.code}`);
    this.journal = SessionJournal.restore(this.deps.store, stored, this.deps.group);
    this.resumeAfterRestore(stored.entries.length > 0 || stored.snapshot !== null);
    this.journal.flush();
    this.listingFacts.sync(this.journal.state);
    this.deps.rooms.set(this.code, this);

    this.onMessage(ACT, (client: SeatClient, message: unknown) =>
      this.guard(client, () => {
        const seated = client.userData;
        if (!seated || seated.gone) return;
        this.act({ seated, reply: (m) => this.sendTo(client, m), counted: true }, message);
      }),
    );
    // A client whose patches have a gap gets its audience's whole view again, from what was last published.
    this.onMessage(RESYNC, (client: SeatClient) =>
      this.guard(client, () => {
        const seated = client.userData;
        if (!seated || seated.gone) return;
        if (!this.fanout.resend(this.viewerOf(client, seated))) {
          seated.seen = {};
          this.publish([]);
        }
      }),
    );
    this.onMessage("*", (client: SeatClient, type: string | number) =>
      this.refuse(
        client,
        "UNKNOWN_MESSAGE",
        `The server does not know messages of type "${String(type)}". Send actions as "${ACT}".`,
      ),
    );
    this.scheduleDeadline();
    this.bots = new BotManager(this.botRoom(), paceScheduler(this.deps.botPace ?? 1));
    this.bots.sync(this.journal.state);
    // A watchdog as well as the precise timeout: a clock that jumps (a laptop waking from sleep) still ends the phase.
    this.clock.setInterval(() => this.checkDeadline(), 1_000);
  }

  get code(): string {
    return this.roomId;
  }

  /** The session's current state (read-only for the HTTP API and exports). */
  sessionState(): SessionJournal["state"] {
    return this.journal.state;
  }

  // -------------------------------------------------------------------------
  // Transport guards: before Colyseus decodes anything
  // -------------------------------------------------------------------------

  /**
   * Rate and size limits come before decoding, so a flood or a huge message
   * costs the server next to nothing, and the answer is an error, not a
   * disconnect (Colyseus would close the socket on anything it cannot decode).
   */
  protected override _onMessage(client: Client & ClientPrivate, buffer: Buffer): void {
    const seated = client.userData as Seated | undefined;
    if (seated && (buffer[0] === Protocol.ROOM_DATA || buffer[0] === Protocol.ROOM_DATA_BYTES)) {
      if (!seated.bucket.take(this.deps.now())) {
        return this.refuse(client, "RATE_LIMITED", "Slow down: too many actions at once. Wait a moment and try again.");
      }
      if (buffer.byteLength > LIMITS.messageBytes) {
        return this.refuse(client, "TOO_LARGE", `That message is too large (at most ${LIMITS.messageBytes} bytes).`);
      }
      if (buffer[0] === Protocol.ROOM_DATA && !readable(buffer)) {
        return this.refuse(
          client,
          "BAD_MESSAGE",
          "The server could not read that message: it is not in the game's format.",
        );
      }
    }
    super._onMessage(client, buffer);
  }

  // -------------------------------------------------------------------------
  // Joining and leaving
  // -------------------------------------------------------------------------

  override onAuth(_client: SeatClient, _options: unknown, context: AuthContext): { ip: string } {
    const raw = context.ip;
    const ip = (Array.isArray(raw) ? raw[0] : raw)?.split(",")[0]?.trim() || "unknown";
    return { ip };
  }

  override onJoin(client: SeatClient, options: unknown, auth: { ip: string }): void {
    const now = this.deps.now();
    let plan;
    try {
      plan = planJoin(this.journal.state, options, { ip: auth.ip, now, limits: this.deps.joinLimits });
    } catch (e) {
      if (!(e instanceof JoinRefusal)) throw e;
      throw joinError(e.code, e.message);
    }
    // maxClients is not strict under a join storm: count again here.
    if (this.clients.length > LIMITS.seatsPerSession) {
      throw joinError("SESSION_FULL", "This session is full. Ask your teacher.");
    }

    const events: GameEvent[] = [];
    let seatId: SeatId;
    let seatToken: string | null = null;
    if (plan.kind === "return") {
      seatId = plan.seat.id;
      this.letGoOf(seatId, "seat-taken-over", "Your seat was opened on another device, so this one has left it.");
      if (plan.via === "seatToken") seatToken = (options as { seatToken: string }).seatToken;
      if (plan.via === "rejoinCode") {
        // A new device: give it a token of its own so a reload brings it back without the code.
        const secrets = mintSeatSecrets();
        const result = this.journal.commit(
          SYSTEM,
          { type: "seat.connect", seat: seatId, rekey: true },
          { now, fresh: secrets.fresh },
        );
        if (!result.ok) throw joinError(result.code, result.message);
        events.push(...result.events);
        seatToken = secrets.token;
      }
    } else {
      const secrets = mintSeatSecrets();
      const result = this.journal.commit(SYSTEM, plan.command, { now, fresh: secrets.fresh });
      if (!result.ok) throw joinError(result.code, result.message);
      events.push(...result.events);
      const seat = result.state.seats.find((s) => s.token === secrets.fresh.tokenHash);
      if (!seat) throw joinError("INTERNAL", "The seat could not be made. Try again.");
      seatId = seat.id;
      seatToken = secrets.token;
    }
    const seat = this.journal.state.seats.find((s) => s.id === seatId)!;
    if (!seat.connected) {
      const result = this.journal.commit(SYSTEM, { type: "seat.connect", seat: seatId }, { now });
      if (result.ok) events.push(...result.events);
    }

    // The seat is on disk before its client is welcomed (group commit would otherwise wait for the end of the turn).
    this.journal.flush();
    client.userData = {
      seat: seatId,
      audience: audienceOf(this.journal.state, seatId),
      seen: {},
      bucket: new TokenBucket(this.deps.rate, now),
    };
    this.sendTo(client, {
      type: "welcome",
      protocol: PROTOCOL_VERSION,
      code: this.code,
      seat: seatId,
      role: seat.role,
      delegation: seat.delegation,
      seatToken,
      rejoinCode: seat.role === "host" ? null : seat.rejoinCode,
      hostReadsPrivateChannels: this.journal.state.scenario.hostReadsPrivateChannels,
      serverTime: this.deps.now(),
    });
    this.publish(events);
  }

  override async onLeave(client: SeatClient, consented: boolean): Promise<void> {
    const seated = client.userData;
    if (!seated || seated.gone || this.closing) return;
    const seatId = seated.seat;
    const role = this.journal.state.seats.find((s) => s.id === seatId)?.role;
    if (!role) return;
    // A delegate who says goodbye gives the seat up; the host's seat is never given up.
    if (consented && role !== "host") {
      this.system({ type: "seat.leave", seat: seatId });
      return;
    }
    this.system({ type: "seat.disconnect", seat: seatId });
    if (consented) return;

    const hold = { takenOver: false, cancel: () => {} };
    this.holds.set(seatId, hold);
    try {
      const waiting = this.allowReconnection(
        client,
        (role === "host" ? this.deps.holdMs.host : this.deps.holdMs.delegate) / 1000,
      );
      hold.cancel = () => waiting.reject(new Error("taken over"));
      const back = (await waiting) as SeatClient;
      if (this.holds.get(seatId) === hold) this.holds.delete(seatId);
      back.userData!.seen = {}; // it missed patches while away: send the whole view
      this.system({ type: "seat.connect", seat: seatId });
    } catch {
      if (this.holds.get(seatId) === hold) this.holds.delete(seatId);
      if (hold.takenOver || this.closing || role === "host") return;
      this.system({ type: "seat.leave", seat: seatId });
    }
  }

  /** Ends another connection's hold on a seat: a live one is told and let go, a waiting one stops waiting. */
  private letGoOf(seatId: SeatId, kind: Extract<ServerMessage, { type: "notice" }>["kind"], message: string): void {
    for (const other of this.clients as SeatClient[]) {
      if (other.userData?.seat !== seatId || other.userData.gone) continue;
      other.userData.gone = kind === "seat-taken-over" ? "replaced" : "removed";
      this.sendTo(other, { type: "notice", kind, message });
      other.leave(Protocol.WS_CLOSE_CONSENTED);
    }
    const hold = this.holds.get(seatId);
    if (hold) {
      hold.takenOver = true;
      this.holds.delete(seatId);
      hold.cancel();
    }
  }

  // -------------------------------------------------------------------------
  // Actions
  // -------------------------------------------------------------------------

  private act(sender: Sender, raw: unknown): void {
    const { seated } = sender;
    const refuse = (code: RefusalCode, message: string, action?: string, seq?: number) =>
      sender.reply(refusal(code, message, action, seq));
    const parsed = ActMessage.safeParse(raw);
    const loose = (typeof raw === "object" && raw !== null ? raw : {}) as {
      seq?: unknown;
      action?: { type?: unknown };
    };
    const seq = typeof loose.seq === "number" && Number.isInteger(loose.seq) ? loose.seq : undefined;
    const actionType = typeof loose.action?.type === "string" ? loose.action.type : undefined;
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.length ? issue.path.join(".") : "message";
      return refuse("BAD_MESSAGE", `${field}: ${issue?.message ?? "not understood"}`, actionType, seq);
    }
    const { action } = parsed.data;
    const seat = this.journal.state.seats.find((s) => s.id === seated.seat);
    if (sender.counted && seat && parsed.data.seq <= seat.lastSeq)
      return this.journal.afterDurable(() => sender.reply({ type: "ack", seq: parsed.data.seq }));

    const ctx: Context = { now: this.deps.now(), ...(sender.counted ? { clientSeq: parsed.data.seq } : {}) };
    if (action.type === "seat.hand" || action.type === "computer.on") ctx.fresh = mintSeatSecrets().fresh;
    const result = this.journal.commit({ kind: "seat", seat: seated.seat }, action, ctx);
    if (!result.ok) return refuse(result.code, result.message, action.type, parsed.data.seq);
    // Told to anyone only once it is on disk.
    this.journal.afterDurable(() => {
      this.afterAccept(action, result);
      sender.reply({ type: "ack", seq: parsed.data.seq });
    });
  }

  // -------------------------------------------------------------------------
  // Computer delegations: local clients of their seats (server/bots)
  // -------------------------------------------------------------------------

  hostSetup(actions: readonly ClientAction[]): { ok: true } | { ok: false; message: string } {
    const seated: Seated = {
      seat: HOST_SEAT,
      audience: { kind: "host" },
      seen: {},
      bucket: new TokenBucket(this.deps.rate, this.deps.now()),
    };
    let refused: string | null = null;
    const reply = (m: ServerMessage) => {
      if (m.type === "error") refused ??= m.message;
    };
    for (const action of actions) {
      this.act({ seated, reply, counted: false }, { seq: 1, action });
      if (refused !== null) return { ok: false, message: refused };
    }
    this.journal.flush();
    return { ok: true };
  }

  private botRoom(): BotRoom {
    return {
      code: this.code,
      state: () => this.journal.state,
      log: (line) => this.deps.log(`session ${this.code}: ${line}`),
      attach: (seat, receive, counted) => this.attachLocal(seat, receive, counted),
    };
  }

  private attachLocal(seat: SeatId, receive: (m: ServerMessage) => void, counted: boolean): SeatLink {
    const local: LocalSeat = {
      seat,
      audience: audienceOf(this.journal.state, seat),
      seen: {},
      // The same limit as a student's client.
      bucket: new TokenBucket(this.deps.rate, this.deps.now()),
      // Answers arrive on a later turn, as over a socket: a driver never re-enters the room while it is acting.
      receive: (m) =>
        queueMicrotask(() => {
          if (local.gone) return;
          if (counted) this.deps.botTap?.(seat, m);
          receive(m);
        }),
      counted,
    };
    this.locals.add(local);
    queueMicrotask(() => this.publish([]));
    return {
      act: (raw) => {
        if (local.gone) return;
        const now = this.deps.now();
        const reply = (m: ServerMessage) => local.receive(m);
        if (!local.bucket.take(now))
          return reply(refusal("RATE_LIMITED", "Slow down: too many actions at once.", undefined, seqOf(raw)));
        if (Buffer.byteLength(JSON.stringify(raw)) > LIMITS.messageBytes)
          return reply(refusal("TOO_LARGE", `That message is too large (at most ${LIMITS.messageBytes} bytes).`));
        try {
          this.act({ seated: local, reply, counted }, raw);
        } catch (e) {
          this.deps.log(`session ${this.code}: internal error: ${(e as Error).message}`);
          reply(refusal("INTERNAL", "Something went wrong on the server. Your action was not applied."));
        }
      },
      resync: () => {
        if (!local.gone && !this.fanout.resend(this.localViewer(local))) {
          local.seen = {};
          this.publish([]);
        }
      },
      close: () => {
        local.gone = "removed";
        this.locals.delete(local);
      },
    };
  }

  private localViewer(local: LocalSeat): Viewer {
    return { audience: local.audience, seen: local.seen, send: (m) => local.receive(m) };
  }

  /** Applies a server-issued action (joins, leaves, deadlines) and tells everyone. */
  private system(command: Command): Result {
    const result = this.journal.commit(SYSTEM, command, { now: this.deps.now() });
    if (result.ok) this.journal.afterDurable(() => this.afterAccept(command, result));
    return result;
  }

  private afterAccept(command: Command, result: Extract<Result, { ok: true }>): void {
    if (command.type === "seat.kick") {
      this.letGoOf(command.seat, "kicked", "The host has removed you from this session.");
    } else if (command.type === "seat.hand") {
      this.letGoOf(command.seat, "seat-handed", "The host has handed your seat to someone else.");
    }
    this.publish(result.events);
    if (command.type === "session.end") {
      this.broadcastNotice("session-ended", "The session has ended. You can still read the debrief.");
      this.deps.log(`session ${this.code} ended`);
    }
    this.scheduleDeadline();
  }

  private publish(events: readonly GameEvent[]): void {
    const state = this.journal.state;
    const viewers = [];
    // Looked up once per publish: a workshop has hundreds of seats and clients.
    const seats = new Map(state.seats.map((s) => [s.id, s]));
    for (const client of this.clients as SeatClient[]) {
      const seated = client.userData;
      const seat = seated && !seated.gone ? seats.get(seated.seat) : undefined;
      if (!seated || !seat) continue;
      // A moved delegate may change what this seat may see.
      seated.audience = audienceOfSeat(seat);
      viewers.push(this.viewerOf(client, seated));
    }
    for (const local of this.locals) {
      const seat = seats.get(local.seat);
      if (!seat) continue;
      local.audience = audienceOfSeat(seat);
      viewers.push(this.localViewer(local));
    }
    this.fanout.publish(state, viewers, events);
    this.listingFacts.sync(state);
    this.bots?.sync(state);
  }

  private viewerOf(client: Client, seated: Seated): Viewer {
    return { audience: seated.audience, seen: seated.seen, send: (m: ServerMessage) => this.sendTo(client, m) };
  }

  private refuse(client: Client, code: RefusalCode, message: string, action?: string, seq?: number): void {
    this.sendTo(client, refusal(code, message, action, seq));
  }

  private sendTo(client: Client, message: ServerMessage): void {
    corkUntilTickEnds(client);
    client.enqueueRaw(encoded(message));
  }

  private broadcastNotice(kind: Extract<ServerMessage, { type: "notice" }>["kind"], message: string): void {
    for (const client of this.clients as SeatClient[]) {
      if (!client.userData?.gone) this.sendTo(client, { type: "notice", kind, message });
    }
  }

  /** A bug in a handler answers INTERNAL to that client instead of taking the room (and the process) down. */
  private guard(client: Client, run: () => void): void {
    try {
      run();
    } catch (e) {
      this.deps.log(`session ${this.code}: internal error: ${(e as Error).message}`);
      this.refuse(client, "INTERNAL", "Something went wrong on the server. Your action was not applied.");
    }
  }

  // -------------------------------------------------------------------------
  // Timers and restarts
  // -------------------------------------------------------------------------

  /** Runs the phase timer on the server clock: `timer.deadline` at `endsAt`, rescheduled on every change. */
  private scheduleDeadline(): void {
    const { timer, ended } = this.journal.state;
    const endsAt = timer.state === "running" && !ended ? timer.endsAt : null;
    if (endsAt === this.deadlineAt) return;
    this.deadline?.clear();
    this.deadline = undefined;
    this.deadlineAt = endsAt;
    if (endsAt === null) return;
    this.deadline = this.clock.setTimeout(
      () => {
        this.deadline = undefined;
        this.deadlineAt = null;
        this.system({ type: "timer.deadline" });
        this.scheduleDeadline();
      },
      Math.max(0, endsAt - this.deps.now()),
    );
  }

  private checkDeadline(): void {
    const { timer, ended } = this.journal.state;
    if (ended || timer.state !== "running" || this.deps.now() < timer.endsAt) return;
    this.system({ type: "timer.deadline" });
    this.scheduleDeadline();
  }

  /**
   * After a restart nobody is connected yet, and a running timer goes on with
   * the time it had left when the previous process was last alive.
   */
  private resumeAfterRestore(restored: boolean): void {
    if (!restored) {
      this.deps.log(`session ${this.code} created`);
      return;
    }
    const now = this.deps.now();
    // Read before anything is applied here: each action moves the state's clock to now.
    const { timer, now: lastApplied } = this.journal.state;
    if (timer.state === "running" && this.deps.lastSeen !== null) {
      const remainingMs = Math.max(0, timer.endsAt - Math.max(this.deps.lastSeen, lastApplied));
      this.journal.commit(SYSTEM, { type: "timer.restore", remainingMs }, { now });
    }
    for (const seat of this.journal.state.seats) {
      if (seat.connected) this.journal.commit(SYSTEM, { type: "seat.disconnect", seat: seat.id }, { now });
    }
    this.deps.log(`session ${this.code} restored`);
  }

  /** Tells every client why it is being let go, then closes the room; their seats stay theirs. */
  async closeWith(kind: "restarting" | "session-deleted", message: string): Promise<void> {
    this.closing = true;
    this.bots?.close();
    this.broadcastNotice(kind, message);
    this.deadline?.clear();
    await this.disconnect();
  }

  override onBeforeShutdown(): void {
    void this.closeWith("restarting", RESTARTING_MESSAGE);
  }

  override onDispose(): void {
    this.closing = true;
    this.bots?.close();
    this.deadline?.clear();
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
