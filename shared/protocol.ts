// The wire protocol: every client-to-server action and every server-to-client
// message, as zod schemas (discriminated unions on `type`). The server parses
// every incoming message with these; the docs are generated from them.
import { z } from "zod";
import { LIMITS, PROTOCOL_VERSION } from "./limits.ts";
import { NEEDS_VISIBLE, hasVisible } from "./visible.ts";
import { Tag } from "./scenario.ts";
import { Difficulty } from "./bots/difficulty.ts";
import type { SessionView } from "./view.ts";
import { AmendmentId, CardId, ChannelId, DelegationId, InjectId, InstrumentId, ProvisionId, SeatId } from "./ids.ts";

export { PROTOCOL_VERSION };

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .refine(hasVisible, NEEDS_VISIBLE);

export const Stance = z.enum(["sponsor", "support", "reservation", "objection"]);
export type Stance = z.infer<typeof Stance>;
export const Vote = z.enum(["yes", "no", "abstain"]);
export type Vote = z.infer<typeof Vote>;

/** One change to a provision's text, in words (whitespace-separated tokens) of the version it names. */
export const TextEdit = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("insert"), at: z.number().int().min(0), text: text(LIMITS.provisionText) }),
  z.object({
    kind: z.literal("replace"),
    from: z.number().int().min(0),
    to: z.number().int().min(1),
    text: text(LIMITS.provisionText),
  }),
  z.object({ kind: z.literal("delete"), from: z.number().int().min(0), to: z.number().int().min(1) }),
]);
export type TextEdit = z.infer<typeof TextEdit>;

/** A display name the host gives a seat (the same limits as joining; see DisplayName). */
const DisplayNameText = z
  .string()
  .trim()
  .min(1, "type a display name")
  .max(LIMITS.displayName, `a display name is at most ${LIMITS.displayName} characters`)
  .regex(/^[^\p{C}<>]+$/u, "a display name may not hold control characters or < >");

// ---------------------------------------------------------------------------
// Client actions: what a person in a seat may ask for. The actor is never in
// the payload: the server takes it from the connection.
// ---------------------------------------------------------------------------

export const ClientAction = z.discriminatedUnion("type", [
  // host: running the session
  z.object({ type: z.literal("phase.next") }),
  z.object({ type: z.literal("phase.back") }),
  z.object({ type: z.literal("timer.start"), minutes: z.number().min(0.5).max(180).optional() }),
  z.object({ type: z.literal("timer.extend"), minutes: z.number().min(0.5).max(60) }),
  z.object({ type: z.literal("timer.pause") }),
  z.object({ type: z.literal("timer.resume") }),
  z.object({ type: z.literal("timer.stop") }),
  z.object({ type: z.literal("session.lock"), locked: z.boolean() }),
  z.object({ type: z.literal("session.end") }),
  /** Stop between two lessons: the timer pauses and seats are kept however long everyone is away. */
  z.object({ type: z.literal("session.adjourn"), adjourned: z.boolean() }),
  z.object({ type: z.literal("announce"), text: text(LIMITS.announcement) }),
  z.object({ type: z.literal("inject.release"), inject: InjectId }),
  z.object({ type: z.literal("seat.move"), seat: SeatId, delegation: DelegationId }),
  z.object({ type: z.literal("seat.makeHead"), seat: SeatId }),
  z.object({ type: z.literal("seat.hand"), seat: SeatId }),
  z.object({ type: z.literal("seat.kick"), seat: SeatId }),
  z.object({ type: z.literal("seat.rename"), seat: SeatId, name: DisplayNameText }),
  /** The host, or the delegation's head, gives a delegate a job (spokesperson, drafter, liaison, analyst). */
  z.object({ type: z.literal("seat.job"), seat: SeatId, job: z.string().trim().min(1).max(40) }),
  z.object({ type: z.literal("amendment.close"), amendment: AmendmentId }),
  z.object({ type: z.literal("bracket.resolve"), provision: ProvisionId, how: z.enum(["drop", "vote"]) }),
  z.object({ type: z.literal("vote.close"), provision: ProvisionId }),
  z.object({ type: z.literal("instrument.freeze"), instrument: InstrumentId }),
  z.object({ type: z.literal("instrument.unfreeze"), instrument: InstrumentId }),
  /** The host, as the judge, says what a provision counts for (Final text, before freezing); logged for all to see. */
  z.object({ type: z.literal("provision.retag"), provision: ProvisionId, tags: z.array(Tag).max(8) }),
  // host: computer delegations (empty seats played by their brief) and the computer chair (practice alone)
  z.object({ type: z.literal("computer.on"), delegation: DelegationId, difficulty: Difficulty.default("firm") }),
  z.object({ type: z.literal("computer.off"), delegation: DelegationId }),
  z.object({ type: z.literal("chair.auto"), on: z.boolean() }),
  // delegates: negotiating
  z.object({
    type: z.literal("instrument.open"),
    title: text(LIMITS.title),
    parties: z.array(DelegationId).min(1).max(LIMITS.delegations),
  }),
  z.object({ type: z.literal("provision.table"), instrument: InstrumentId, card: CardId }),
  z.object({
    type: z.literal("provision.draft"),
    instrument: InstrumentId,
    title: text(LIMITS.title),
    text: text(LIMITS.provisionText),
    tags: z.array(Tag).max(8).default([]),
  }),
  z.object({ type: z.literal("provision.withdraw"), provision: ProvisionId }),
  z.object({ type: z.literal("stance.set"), provision: ProvisionId, stance: Stance.nullable() }),
  z.object({
    type: z.literal("amendment.propose"),
    provision: ProvisionId,
    baseVersion: z.number().int().min(1),
    edit: TextEdit,
    note: z
      .string()
      .trim()
      .max(LIMITS.amendmentNote)
      .refine((note) => note === "" || hasVisible(note), `a note ${NEEDS_VISIBLE}, or none`)
      .optional(),
    /** The tags the new text carries, decided with it; left out, the provision keeps its tags. */
    tags: z.array(Tag).max(8).optional(),
  }),
  z.object({ type: z.literal("amendment.withdraw"), amendment: AmendmentId }),
  z.object({ type: z.literal("amendment.vote"), amendment: AmendmentId, vote: Vote }),
  z.object({ type: z.literal("vote.cast"), provision: ProvisionId, vote: Vote }),
  z.object({
    type: z.literal("sign"),
    instrument: InstrumentId,
    version: z.string().regex(/^[0-9a-f]{12,64}$/, "a version is a hash"),
  }),
  /** The head's "Not now": the delegation declines to sign this version, for all to see, until it signs after all. */
  z.object({
    type: z.literal("sign.decline"),
    instrument: InstrumentId,
    version: z.string().regex(/^[0-9a-f]{12,64}$/, "a version is a hash"),
  }),
  z.object({
    type: z.literal("channel.open"),
    with: z.array(DelegationId).min(1).max(LIMITS.delegations),
    title: text(60).optional(),
  }),
  z.object({ type: z.literal("say"), channel: ChannelId, text: text(LIMITS.chatLine) }),
  // the debrief: each student answers the scenario's questions (0 is the first); the host may show them without names
  z.object({
    type: z.literal("reflection.answer"),
    question: z.number().int().min(0).max(19),
    text: text(LIMITS.reflection),
  }),
  z.object({ type: z.literal("reflection.show"), shown: z.boolean() }),
]);
export type ClientAction = z.infer<typeof ClientAction>;
export type ClientActionType = ClientAction["type"];
export const CLIENT_ACTION_TYPES = ClientAction.options.map((o) => o.shape.type.value) as ClientActionType[];

/** What a client sends: one action, numbered so a resend after a reconnect is applied once. */
export const ActMessage = z.object({
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  action: ClientAction,
});
export type ActMessage = z.infer<typeof ActMessage>;

export { ACT, RESYNC } from "./message-types.ts";

// ---------------------------------------------------------------------------
// Join options (colyseus.js `joinById(code, options)`)
// ---------------------------------------------------------------------------

export const DisplayName = z
  .string()
  .transform((s) => s.normalize("NFC").replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, "type a display name")
      .max(LIMITS.displayName, `a display name is at most ${LIMITS.displayName} characters`)
      .regex(/^[^\p{C}<>]+$/u, "a display name may not hold control characters or < >")
      .refine(hasVisible, `a display name ${NEEDS_VISIBLE}`),
  );

export const JoinOptions = z.union([
  z.object({ hostKey: z.string().min(16).max(128) }).strict(),
  z.object({ observer: z.literal(true) }).strict(),
  z.object({ seatToken: z.string().min(16).max(128) }).strict(),
  z.object({ rejoinCode: z.string().min(4).max(24), name: DisplayName.optional() }).strict(),
  z.object({ name: DisplayName, delegation: DelegationId.optional() }).strict(),
]);
export type JoinOptions = z.infer<typeof JoinOptions>;

// ---------------------------------------------------------------------------
// Refusals: a code a person can read and a message in plain words.
// ---------------------------------------------------------------------------

export const REFUSAL_CODES = [
  // protocol and transport
  "BAD_MESSAGE",
  "UNKNOWN_MESSAGE",
  "TOO_LARGE",
  "RATE_LIMITED",
  "PROTOCOL_MISMATCH",
  // joining
  "UNKNOWN_SESSION",
  "LOCKED",
  "NAME_TAKEN",
  "NAME_NOT_ALLOWED",
  "SESSION_FULL",
  "BAD_HOST_KEY",
  "UNKNOWN_SEAT",
  "SEAT_TAKEN",
  // seats and roles
  "NOT_HOST",
  "NOT_DELEGATE",
  "NOT_HEAD_OF_DELEGATION",
  "NOT_YOUR_DELEGATION",
  "UNKNOWN_JOB",
  "UNKNOWN_DELEGATION",
  "SAME_DELEGATION",
  "SESSION_ENDED",
  // phases and timers
  "WRONG_PHASE",
  "NO_NEXT_PHASE",
  "NO_PREVIOUS_PHASE",
  "TIMER_NOT_RUNNING",
  "TIMER_NOT_PAUSED",
  "TIMER_RUNNING",
  "DEADLINE_NOT_REACHED",
  "ADJOURNED",
  // drafting
  "UNKNOWN_INSTRUMENT",
  "NOT_A_PARTY",
  "UNKNOWN_CARD",
  "CARD_ALREADY_TABLED",
  "UNKNOWN_PROVISION",
  "PROVISION_CLOSED",
  "NOT_PROPOSER",
  "UNKNOWN_AMENDMENT",
  "AMENDMENT_CLOSED",
  "STALE_VERSION",
  "BAD_EDIT",
  "NO_CHANGE",
  "TOO_MANY",
  "TEXT_FROZEN",
  "NOT_BRACKETED",
  "NO_VOTE_OPEN",
  "VOTE_OPEN",
  "OPEN_BRACKETS",
  "PENDING_AMENDMENTS",
  "EMPTY_INSTRUMENT",
  "NOT_FROZEN",
  "VERSION_MISMATCH",
  "ALREADY_SIGNED",
  "ALREADY_DONE",
  // talk and news
  "UNKNOWN_CHANNEL",
  "NOT_IN_CHANNEL",
  "PRIVATE_CHANNELS_CLOSED",
  "UNKNOWN_INJECT",
  "INJECT_ALREADY_RELEASED",
  // the debrief
  "UNKNOWN_QUESTION",
  "INTERNAL",
] as const;
export const RefusalCode = z.enum(REFUSAL_CODES);
export type RefusalCode = z.infer<typeof RefusalCode>;

/**
 * Refused joins carry a number on the wire too (Colyseus's ServerError code),
 * 4400 and up, clear of Colyseus's own 42xx. Written out, not counted from the
 * list above, so adding or reordering codes never renumbers one a client
 * already knows: a new code takes the next free number.
 */
export const JOIN_ERROR_CODES: { readonly [C in RefusalCode]: number } = {
  BAD_MESSAGE: 4400,
  UNKNOWN_MESSAGE: 4401,
  TOO_LARGE: 4402,
  RATE_LIMITED: 4403,
  PROTOCOL_MISMATCH: 4404,
  UNKNOWN_SESSION: 4405,
  LOCKED: 4406,
  NAME_TAKEN: 4407,
  NAME_NOT_ALLOWED: 4408,
  SESSION_FULL: 4409,
  BAD_HOST_KEY: 4410,
  UNKNOWN_SEAT: 4411,
  SEAT_TAKEN: 4412,
  NOT_HOST: 4413,
  NOT_DELEGATE: 4414,
  NOT_HEAD_OF_DELEGATION: 4415,
  UNKNOWN_DELEGATION: 4416,
  SAME_DELEGATION: 4417,
  SESSION_ENDED: 4418,
  WRONG_PHASE: 4419,
  NO_NEXT_PHASE: 4420,
  NO_PREVIOUS_PHASE: 4421,
  TIMER_NOT_RUNNING: 4422,
  TIMER_NOT_PAUSED: 4423,
  TIMER_RUNNING: 4424,
  DEADLINE_NOT_REACHED: 4425,
  UNKNOWN_INSTRUMENT: 4426,
  NOT_A_PARTY: 4427,
  UNKNOWN_CARD: 4428,
  CARD_ALREADY_TABLED: 4429,
  UNKNOWN_PROVISION: 4430,
  PROVISION_CLOSED: 4431,
  NOT_PROPOSER: 4432,
  UNKNOWN_AMENDMENT: 4433,
  AMENDMENT_CLOSED: 4434,
  STALE_VERSION: 4435,
  BAD_EDIT: 4436,
  NO_CHANGE: 4437,
  TOO_MANY: 4438,
  TEXT_FROZEN: 4439,
  NOT_BRACKETED: 4440,
  NO_VOTE_OPEN: 4441,
  VOTE_OPEN: 4442,
  OPEN_BRACKETS: 4443,
  PENDING_AMENDMENTS: 4444,
  EMPTY_INSTRUMENT: 4445,
  NOT_FROZEN: 4446,
  VERSION_MISMATCH: 4447,
  ALREADY_SIGNED: 4448,
  ALREADY_DONE: 4449,
  UNKNOWN_CHANNEL: 4450,
  NOT_IN_CHANNEL: 4451,
  PRIVATE_CHANNELS_CLOSED: 4452,
  UNKNOWN_INJECT: 4453,
  INJECT_ALREADY_RELEASED: 4454,
  INTERNAL: 4455,
  NOT_YOUR_DELEGATION: 4456,
  UNKNOWN_JOB: 4457,
  ADJOURNED: 4458,
  UNKNOWN_QUESTION: 4459,
};
export const joinErrorCode = (code: RefusalCode): number => JOIN_ERROR_CODES[code];

// ---------------------------------------------------------------------------
// Server messages
// ---------------------------------------------------------------------------

/** A JSON patch operation on the seat's view (paths are arrays of keys). */
export const PatchOp = z.discriminatedUnion("op", [
  z.object({ op: z.literal("set"), path: z.array(z.union([z.string(), z.number()])), value: z.unknown() }),
  z.object({ op: z.literal("remove"), path: z.array(z.union([z.string(), z.number()])) }),
  z.object({ op: z.literal("push"), path: z.array(z.union([z.string(), z.number()])), values: z.array(z.unknown()) }),
]);
export type PatchOp = z.infer<typeof PatchOp>;

export const ServerMessage = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("welcome"),
    protocol: z.number().int(),
    code: z.string(),
    seat: SeatId,
    role: z.enum(["host", "delegate", "observer"]),
    delegation: DelegationId.nullable(),
    /** Only ever sent to the seat it belongs to; kept by the browser to take the seat back. */
    seatToken: z.string().nullable(),
    rejoinCode: z.string().nullable(),
    hostReadsPrivateChannels: z.boolean(),
    /** Whether the host's screen shows the delegations' team channels (and their lines as events). */
    hostReadsTeamChannels: z.boolean(),
    /** Whether the debrief shows every team and private channel to the class (the host's choice when hosting). */
    debriefRevealsChannels: z.boolean().optional(),
    /** The privacy notice in plain words, shown on joining. */
    privacy: z.string().optional(),
    /** The server's clock (ms since epoch) when it sent this: a device with a wrong clock still shows the right time left. */
    serverTime: z.number().optional(),
  }),
  /**
   * The audience's whole view (shared/view.ts, built by the rules' viewFor), sent when a patch would not
   * apply: the seat just joined, asked for a resync, or moved to another audience.
   */
  z.object({ type: z.literal("view"), rev: z.number().int(), view: z.custom<SessionView>() }),
  /** What changed in the seat's view since revision `rev - 1`. */
  z.object({ type: z.literal("patch"), rev: z.number().int(), ops: z.array(PatchOp) }),
  /** An accepted action, as the seat may know of it (for toasts, sounds and animations). */
  z.object({
    type: z.literal("event"),
    /** The rules' GameEvent without its audience: a type, plain words for a toast, and the event's own fields. */
    event: z.looseObject({ type: z.string(), text: z.string() }),
  }),
  /** The client's action `seq` was applied (or had already been applied). */
  z.object({ type: z.literal("ack"), seq: z.number().int() }),
  z.object({
    type: z.literal("error"),
    code: RefusalCode,
    message: z.string(),
    /** The action type that was refused, when there was one. */
    action: z.string().optional(),
    seq: z.number().int().optional(),
  }),
  /** This seat's own answers to the debrief questions (null: not answered), sent to that seat alone. */
  z.object({ type: z.literal("reflection"), answers: z.array(z.string().nullable()) }),
  z.object({
    type: z.literal("notice"),
    /** seat-taken-over: the same seat was opened on another device (seat token or rejoin code); this one is let go. */
    kind: z.enum(["restarting", "kicked", "seat-handed", "session-ended", "session-deleted", "seat-taken-over"]),
    message: z.string(),
  }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
export type ServerMessageOf<T extends ServerMessage["type"]> = Extract<ServerMessage, { type: T }>;
