// One live session's behaviour, free of any transport: who holds which seat
// through which connection, seat holds while a client is away, every message
// a client sends (parsed here, the actor taken from the connection), the
// journal, acks exactly once per clientSeq, fan-out of views and events per
// audience, resync, and the phase deadline. The Colyseus room
// (session-room.ts) only turns sockets into `Connection`s and calls in here;
// the unit tests call in with fake sockets and a fake clock.
import { looseNumbering } from "./numbering.ts";
import { privacyOf, privacyWords } from "../../shared/privacy.ts";
import type { Log } from "../log.ts";
import {
  ACT,
  ActMessage,
  PROTOCOL_VERSION,
  RESYNC,
  type ClientAction,
  type RefusalCode,
  type ServerMessage,
} from "../../shared/protocol.ts";
import { LIMITS } from "../../shared/limits.ts";
import { audienceOf, audienceOfSeat } from "../../shared/rules/index.ts";
import type { Actor, Command, Context, GameEvent, Result } from "../../shared/rules/api.ts";
import { consentDue } from "../../shared/rules/settle.ts";
import { ownAnswers } from "../../shared/rules/reflection.ts";
import type { SeatId } from "../../shared/ids.ts";
import type { SessionState } from "../../shared/state.ts";
import type { Audience } from "../../shared/view.ts";
import { mintSeatSecrets } from "../secrets.ts";
import type { GroupCommit } from "../scale/group-commit.ts";
import { TokenBucket, type RateSettings } from "../limits/rate.ts";
import type { JoinLimits } from "../limits/joins.ts";
import { BotManager } from "../bots/manager.ts";
import { paceScheduler } from "../bots/scheduler.ts";
import type { BotRoom, SeatLink } from "../bots/link.ts";
import { timeLeftAtStop } from "../store/time-left.ts";
import type { SessionStore, StoredSession } from "../store/types.ts";
import { SessionJournal } from "./journal.ts";
import { ViewFanout, type Viewer } from "./fanout.ts";
import { JoinRefusal, planJoin } from "./join.ts";
import { describeType, parseUntrusted, plainData } from "./plain.ts";
import { CLOSE, type Cancel, type Connection, type Scheduler } from "./ports.ts";

export interface SessionDeps {
  store: SessionStore;
  /** How long a dropped seat is held for its client to come back. */
  holdMs: { delegate: number; host: number };
  /** The limits on guessing rejoin codes (server/limits/joins.ts). */
  joinLimits: JoinLimits;
  /** When the previous server process was last known alive (running timers resume from there). */
  lastSeen: number | null;
  /** The server's log (server/log.ts): session codes and counts, never a person's data. */
  log: Log;
  /** The server clock (ms since epoch). */
  now(): number;
  scheduler: Scheduler;
  /** Per-client action rate: local seats' here (sockets' in the transport gate, before decoding). */
  rate: RateSettings;
  /** How fast computer delegations act: 1 is a person's pace, 0.001 a test's (server/bots/scheduler.ts). */
  botPace?: number;
  /** Tests: sees every message a computer delegation's seat receives. */
  botTap?: (seat: string, message: ServerMessage) => void;
  /** Journal entries of all sessions committed together once per event-loop turn. */
  group?: GroupCommit;
}

export type JoinOutcome = { ok: true } | { ok: false; code: RefusalCode; message: string };

type NoticeKind = Extract<ServerMessage, { type: "notice" }>["kind"];

interface Seated {
  seat: SeatId;
  audience: Audience;
  seen: { key?: string; rev?: number };
  /** Dropped and held: the connection may come back (reconnect) until the hold ends. */
  away: boolean;
  /** This connection no longer speaks for its seat: its leaving changes nothing. */
  gone: boolean;
  /** Its sequence numbers are the seat's own (false for the computer chair, which shares the host's seat). */
  counted: boolean;
  /** A local seat (a computer delegation or the chair): no socket and no transport gate, so limited here. */
  local?: { bucket: TokenBucket };
}

interface Hold {
  conn: Connection;
  timer: Cancel;
  /** Tells the transport to stop waiting for this connection. */
  stopWaiting: () => void;
}

const SYSTEM: Actor = { kind: "system" };

export class Session {
  private readonly seated = new Map<Connection, Seated>();
  private readonly holds = new Map<SeatId, Hold>();
  private readonly fanout = new ViewFanout();
  private readonly journal: SessionJournal;
  private deadline: Cancel | undefined;
  private deadlineAt: number | null = null;
  private readonly watchdog: Cancel;
  private readonly bots: BotManager;
  private locals = 0;
  /** Shutting down or deleted: connections leaving now keep their seats. */
  private closing = false;
  /** Called after every change anyone may see (the room keeps its listing in step). */
  onChange: (state: SessionState) => void = () => {};

  constructor(
    private readonly deps: SessionDeps,
    stored: StoredSession,
  ) {
    this.journal = SessionJournal.restore(deps.store, stored, deps.group);
    this.resumeAfterRestore(stored.entries.length > 0 || stored.snapshot !== null);
    this.journal.flush();
    this.scheduleDeadline();
    // A watchdog as well as the precise timeout: a clock that jumps (a laptop waking from sleep) still ends the phase.
    this.watchdog = deps.scheduler.setInterval(() => this.checkDeadline(), 1_000);
    this.bots = new BotManager(this.botRoom(), paceScheduler(deps.botPace ?? 1));
    this.bots.sync(this.state);
  }

  get code(): string {
    return this.journal.code;
  }

  get state(): SessionState {
    return this.journal.state;
  }

  /** Connections currently speaking for a seat (not away, not let go). */
  get connectionCount(): number {
    let n = 0;
    for (const s of this.seated.values()) if (!s.away && !s.gone && !s.local) n++;
    return n;
  }

  // -------------------------------------------------------------------------
  // Joining, leaving, coming back
  // -------------------------------------------------------------------------

  /** A new connection asks for a seat. On success it is welcomed and sent its view. */
  join(conn: Connection, options: unknown, ip: string): JoinOutcome {
    try {
      return this.seat(conn, options, ip);
    } catch (e) {
      this.deps.log.error({ session: this.code, err: (e as Error).message }, "internal error on join");
      return { ok: false, code: "INTERNAL", message: "The seat could not be made. Try again." };
    }
  }

  private seat(conn: Connection, rawOptions: unknown, ip: string): JoinOutcome {
    const now = this.deps.now();
    const options = plainData(rawOptions);
    let plan;
    try {
      plan = planJoin(this.state, options.ok ? options.value : null, { ip, now, limits: this.deps.joinLimits });
    } catch (e) {
      if (!(e instanceof JoinRefusal)) throw e;
      return { ok: false, code: e.code, message: e.message };
    }
    if (this.connectionCount >= LIMITS.seatsPerSession)
      return { ok: false, code: "SESSION_FULL", message: "This session is full. Ask your teacher." };

    const events: GameEvent[] = [];
    let seatId: SeatId;
    let seatToken: string | null = null;
    if (plan.kind === "return") {
      seatId = plan.seat.id;
      this.letGoOf(seatId, "seat-taken-over", "Your seat was opened on another device, so this one has left it.");
      if (plan.via === "seatToken" && options.ok) seatToken = (options.value as { seatToken: string }).seatToken;
      if (plan.via === "rejoinCode") {
        // A new device: give it a token of its own so a reload brings it back without the code.
        const secrets = mintSeatSecrets();
        const result = this.journal.commit(
          SYSTEM,
          { type: "seat.connect", seat: seatId, rekey: true },
          { now, fresh: secrets.fresh },
        );
        if (!result.ok) return result;
        events.push(...result.events);
        seatToken = secrets.token;
      }
    } else {
      const secrets = mintSeatSecrets();
      const result = this.journal.commit(SYSTEM, plan.command, { now, fresh: secrets.fresh });
      if (!result.ok) return result;
      events.push(...result.events);
      const made = result.state.seats.find((s) => s.token === secrets.fresh.tokenHash);
      if (!made) return { ok: false, code: "INTERNAL", message: "The seat could not be made. Try again." };
      seatId = made.id;
      seatToken = secrets.token;
    }
    const seat = this.state.seats.find((s) => s.id === seatId)!;
    if (!seat.connected) {
      const result = this.journal.commit(SYSTEM, { type: "seat.connect", seat: seatId }, { now });
      if (result.ok) events.push(...result.events);
    }

    // The seat is on disk before its client is welcomed (group commit would otherwise wait for the end of the turn).
    this.journal.flush();
    this.seated.set(conn, {
      seat: seatId,
      audience: audienceOf(this.state, seatId),
      seen: {},
      away: false,
      gone: false,
      counted: true,
    });
    const { scenario } = this.state;
    conn.send({
      type: "welcome",
      protocol: PROTOCOL_VERSION,
      code: this.code,
      seat: seatId,
      role: seat.role,
      delegation: seat.delegation,
      seatToken,
      rejoinCode: seat.role === "host" ? null : seat.rejoinCode,
      hostReadsPrivateChannels: scenario.hostReadsPrivateChannels,
      hostReadsTeamChannels: scenario.hostReadsTeamChannels,
      debriefRevealsChannels: privacyOf(this.state).revealChannels,
      privacy: privacyWords(privacyOf(this.state)),
      serverTime: now,
    });
    this.publish(events);
    this.sendAnswers(seatId, false);
    return { ok: true };
  }

  /**
   * A connection closed. A delegate who said goodbye gives the seat up; the
   * host's seat is never given up; an unexpected drop holds the seat (2 min
   * for a delegate, 10 for the host by default). Returns whether the seat is
   * held for this connection: then the transport should wait for it, until
   * `stopWaiting` is called or it comes back (`reconnect`).
   */
  leave(conn: Connection, consented: boolean, stopWaiting: () => void = () => {}): boolean {
    const seated = this.seated.get(conn);
    if (!seated || seated.gone || this.closing) {
      this.seated.delete(conn);
      return false;
    }
    const seatId = seated.seat;
    const role = this.state.seats.find((s) => s.id === seatId)?.role;
    if (!role) {
      this.seated.delete(conn);
      return false;
    }
    if (consented && role !== "host") {
      this.seated.delete(conn);
      this.system({ type: "seat.leave", seat: seatId });
      return false;
    }
    this.system({ type: "seat.disconnect", seat: seatId });
    if (consented) {
      this.seated.delete(conn);
      return false;
    }
    seated.away = true;
    const ms = role === "host" ? this.deps.holdMs.host : this.deps.holdMs.delegate;
    const timer = this.deps.scheduler.setTimeout(() => {
      if (this.holds.get(seatId)?.conn !== conn) return;
      this.endHold(seatId);
      // Adjourned between two lessons: the seat waits for its student however long it takes. From the
      // debrief on, the seats are the record the teacher grades from (answers included): a closed tab keeps its row.
      const { lesson, phase, ended } = this.state;
      if (role !== "host" && !this.closing && !lesson?.adjourned && phase !== "debrief" && !ended)
        this.system({ type: "seat.leave", seat: seatId });
    }, ms);
    this.holds.set(seatId, { conn, timer, stopWaiting });
    return true;
  }

  /** A held connection is back within its hold: it gets its whole view again (it missed patches). */
  reconnect(conn: Connection): void {
    const seated = this.seated.get(conn);
    if (!seated || seated.gone || !seated.away) return;
    const hold = this.holds.get(seated.seat);
    if (hold?.conn === conn) {
      hold.timer.clear();
      this.holds.delete(seated.seat);
    }
    seated.away = false;
    seated.seen = {};
    this.system({ type: "seat.connect", seat: seated.seat });
    this.sendAnswers(seated.seat, false);
  }

  /** Ends another connection's hold on a seat: a live one is told and let go, a waiting one stops waiting. */
  private letGoOf(seatId: SeatId, kind: NoticeKind, message: string): void {
    for (const [conn, seated] of this.seated) {
      if (seated.seat !== seatId || seated.gone || seated.away || seated.local) continue;
      seated.gone = true;
      conn.send({ type: "notice", kind, message });
      conn.close(CLOSE.letGo, kind);
    }
    this.endHold(seatId);
  }

  private endHold(seatId: SeatId): void {
    const hold = this.holds.get(seatId);
    if (!hold) return;
    this.holds.delete(seatId);
    this.seated.delete(hold.conn);
    hold.timer.clear();
    hold.stopWaiting();
  }

  // -------------------------------------------------------------------------
  // Messages
  // -------------------------------------------------------------------------

  /**
   * Every message a seated connection sends, whatever its type and body.
   * Each gets an answer (ack, view, or a coded error); a refusal changes
   * nothing; nothing here throws.
   */
  receive(conn: Connection, type: unknown, body: unknown): void {
    const seated = this.seated.get(conn);
    if (!seated || seated.gone || seated.away) return;
    try {
      if (seated.local) {
        // Numbered like an act's answer, so the local client knows which of its actions to try again.
        const { seq, actionType } = looseNumbering(body);
        if (!seated.local.bucket.take(this.deps.now()))
          return this.refuse(conn, "RATE_LIMITED", "Slow down: too many actions at once.", actionType, seq);
        if (Buffer.byteLength(JSON.stringify(body) ?? "") > LIMITS.messageBytes)
          return this.refuse(
            conn,
            "TOO_LARGE",
            `That message is too large (at most ${LIMITS.messageBytes} bytes).`,
            actionType,
            seq,
          );
      }
      if (type === ACT) return this.act(conn, seated, body);
      if (type === RESYNC) return this.resync(conn, seated);
      this.refuse(
        conn,
        "UNKNOWN_MESSAGE",
        `The server does not know messages of type ${describeType(type)}. Send actions as "${ACT}".`,
      );
    } catch (e) {
      this.deps.log.error({ session: this.code, err: (e as Error).message }, "internal error");
      this.refuse(conn, "INTERNAL", "Something went wrong on the server. Your action was not applied.");
    }
  }

  /** A client whose patches have a gap gets its audience's whole view again, from what was last published. */
  private resync(conn: Connection, seated: Seated): void {
    if (!this.fanout.resend(this.viewerOf(conn, seated))) {
      seated.seen = {};
      this.publish([]);
    }
  }

  private act(conn: Connection, seated: Seated, body: unknown): void {
    const plain = plainData(body);
    if (!plain.ok) return this.refuse(conn, "BAD_MESSAGE", "message: not plain data (the game sends JSON-like data)");
    const raw = plain.value;
    const { seq, actionType } = looseNumbering(raw);
    const parsed = parseUntrusted(ActMessage, raw);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const field = issue?.path.length ? issue.path.map(String).join(".").slice(0, 80) : "message";
      return this.refuse(conn, "BAD_MESSAGE", `${field}: ${issue?.message ?? "not understood"}`, actionType, seq);
    }
    const { action, seq: clientSeq } = parsed.data;
    const seat = this.state.seats.find((s) => s.id === seated.seat);
    // Sent again after a reconnect: applied once, acknowledged again.
    if (seated.counted && seat && clientSeq <= seat.lastSeq)
      return this.journal.afterDurable(() => conn.send({ type: "ack", seq: clientSeq }));

    const ctx: Context = { now: this.deps.now(), ...(seated.counted ? { clientSeq } : {}) };
    if (action.type === "seat.hand" || action.type === "computer.on") ctx.fresh = mintSeatSecrets().fresh;
    const result = this.journal.commit({ kind: "seat", seat: seated.seat }, action, ctx);
    if (!result.ok) return this.refuse(conn, result.code, result.message, action.type, clientSeq);
    // Told to anyone only once it is on disk.
    this.journal.afterDurable(() => {
      this.afterAccept(action, result);
      if (action.type === "reflection.answer") this.sendAnswers(seated.seat, true);
      conn.send({ type: "ack", seq: clientSeq });
    });
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
      this.deps.log.info({ session: this.code }, "session ended");
    }
    this.scheduleDeadline();
  }

  private publish(events: readonly GameEvent[]): void {
    const state = this.state;
    const viewers: Viewer[] = [];
    // Looked up once per publish: a workshop has hundreds of seats and connections.
    const seats = new Map(state.seats.map((s) => [s.id, s]));
    for (const [conn, seated] of this.seated) {
      const seat = seated.gone || seated.away ? undefined : seats.get(seated.seat);
      if (!seat) continue;
      // A moved delegate may change what this seat may see.
      seated.audience = audienceOfSeat(seat);
      viewers.push(this.viewerOf(conn, seated));
    }
    this.fanout.publish(state, viewers, events);
    this.onChange(state);
    this.bots?.sync(state);
  }

  /**
   * A student's own answers to the debrief questions reach that seat's connections alone: they are in no
   * shared view (a delegation's teammates share one). Sent on joining and coming back when there are any.
   */
  private sendAnswers(seatId: SeatId, changed: boolean): void {
    if (this.state.seats.find((s) => s.id === seatId)?.role !== "delegate") return;
    const answers = ownAnswers(this.state, seatId);
    if (!changed && answers.every((a) => a === null)) return;
    for (const [conn, seated] of this.seated)
      if (seated.seat === seatId && !seated.gone && !seated.away) conn.send({ type: "reflection", answers });
  }

  private viewerOf(conn: Connection, seated: Seated): Viewer {
    return { audience: seated.audience, seen: seated.seen, send: (m) => conn.send(m) };
  }

  private refuse(conn: Connection, code: RefusalCode, message: string, action?: string, seq?: number): void {
    conn.send({
      type: "error",
      code,
      message,
      ...(action !== undefined ? { action } : {}),
      ...(seq !== undefined ? { seq } : {}),
    });
  }

  private broadcastNotice(kind: NoticeKind, message: string): void {
    for (const [conn, seated] of this.seated) {
      if (!seated.gone && !seated.away && !seated.local) conn.send({ type: "notice", kind, message });
    }
  }

  // -------------------------------------------------------------------------
  // Computer delegations and the computer chair: local clients of their seats (server/bots)
  // -------------------------------------------------------------------------

  /** Host actions the server takes for the host as the session is made; stops at the first refusal. */
  hostSetup(actions: readonly ClientAction[]): { ok: true } | { ok: false; message: string } {
    const host = this.state.seats.find((s) => s.role === "host");
    if (!host) return { ok: false, message: "The session has no host seat." };
    let refused: string | null = null;
    const conn: Connection = {
      id: `${this.code}/setup`,
      send: (m) => {
        if (m.type === "error") refused ??= m.message;
      },
      close: () => {},
    };
    const seated: Seated = {
      seat: host.id,
      audience: { kind: "host" },
      seen: {},
      away: false,
      gone: false,
      counted: false,
    };
    for (const action of actions) {
      this.act(conn, seated, { seq: 1, action });
      if (refused !== null) return { ok: false, message: refused };
    }
    this.journal.flush();
    return { ok: true };
  }

  private botRoom(): BotRoom {
    return {
      code: this.code,
      state: () => this.state,
      log: this.deps.log.child({ session: this.code }),
      attach: (seat, receive, counted) => this.attachLocal(seat, receive, counted),
    };
  }

  /** A seat's client without a socket: the same parse, limits, rules, journal and audience view as a student's. */
  private attachLocal(seat: SeatId, receive: (m: ServerMessage) => void, counted: boolean): SeatLink {
    let open = true;
    const conn: Connection = {
      id: `${this.code}/local/${++this.locals}`,
      // Answers arrive on a later turn, as over a socket: a driver never re-enters the session while it is acting.
      send: (m) =>
        queueMicrotask(() => {
          if (!open) return;
          if (counted) this.deps.botTap?.(seat, m);
          receive(m);
        }),
      close: () => {},
    };
    this.seated.set(conn, {
      seat,
      audience: audienceOf(this.state, seat),
      seen: {},
      away: false,
      gone: false,
      counted,
      local: { bucket: new TokenBucket(this.deps.rate, this.deps.now()) },
    });
    queueMicrotask(() => {
      if (!open || this.closing) return;
      // A restart marks every seat offline; a computer delegation is back as soon as its driver is.
      if (counted && this.state.seats.find((s) => s.id === seat)?.connected === false)
        this.system({ type: "seat.connect", seat });
      else this.publish([]);
    });
    return {
      act: (raw) => (open ? this.receive(conn, ACT, raw) : undefined),
      resync: () => (open ? this.receive(conn, RESYNC, undefined) : undefined),
      close: () => {
        open = false;
        this.seated.delete(conn);
      },
    };
  }

  // -------------------------------------------------------------------------
  // Timers, restarts, closing
  // -------------------------------------------------------------------------

  /** Runs the phase timer on the server clock: `timer.deadline` at `endsAt`, rescheduled on every change. */
  private scheduleDeadline(): void {
    const { timer, ended } = this.state;
    const endsAt = timer.state === "running" && !ended ? timer.endsAt : null;
    if (endsAt === this.deadlineAt) return;
    this.deadline?.clear();
    this.deadline = undefined;
    this.deadlineAt = endsAt;
    if (endsAt === null) return;
    this.deadline = this.deps.scheduler.setTimeout(
      () => {
        this.deadline = undefined;
        this.deadlineAt = null;
        this.checkDeadline();
      },
      Math.max(0, endsAt - this.deps.now()),
    );
  }

  private checkDeadline(): void {
    // Under consensus, silence becomes consent at a deadline everyone was shown: decide it then, not at the next vote.
    if (!this.closing && !this.state.ended && consentDue(this.state, this.deps.now()))
      this.system({ type: "amendment.consent" });
    const { timer, ended } = this.state;
    if (this.closing || ended || timer.state !== "running" || this.deps.now() < timer.endsAt) {
      if (!this.closing) this.scheduleDeadline();
      return;
    }
    this.system({ type: "timer.deadline" });
    this.scheduleDeadline();
  }

  /**
   * After a restart nobody is connected yet, and a running timer goes on with
   * the time it had left when the previous process was last alive.
   */
  private resumeAfterRestore(restored: boolean): void {
    if (!restored) {
      this.deps.log.info({ session: this.code }, "session created");
      return;
    }
    const now = this.deps.now();
    // Read before anything is applied here: each action moves the state's clock to now.
    const { timer, now: lastApplied } = this.state;
    const remainingMs = this.deps.lastSeen === null ? null : timeLeftAtStop(timer, this.deps.lastSeen, lastApplied);
    if (remainingMs !== null) this.journal.commit(SYSTEM, { type: "timer.restore", remainingMs }, { now });
    for (const seat of this.state.seats) {
      if (seat.connected) this.journal.commit(SYSTEM, { type: "seat.disconnect", seat: seat.id }, { now });
    }
    this.deps.log.info({ session: this.code }, "session restored");
  }

  /** Tells every connection why it is being let go; their seats stay theirs. The transport then closes them. */
  close(kind: "restarting" | "session-deleted", message: string): void {
    if (!this.closing) this.broadcastNotice(kind, message);
    this.dispose();
  }

  /** Stops the timers; connections leaving from now on keep their seats. */
  dispose(): void {
    this.closing = true;
    this.bots.close();
    this.deadline?.clear();
    this.watchdog.clear();
    for (const hold of this.holds.values()) hold.timer.clear();
  }
}
