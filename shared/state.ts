// The authoritative state of one session, as plain JSON. The rules reduce
// actions over it immutably; the journal replays actions to rebuild it; the
// fuzz test checks it against this schema after every action.
import { z } from "zod";
import { PhaseId, Scenario, DecisionRule } from "./scenario.ts";
import { Stance, TextEdit, Vote } from "./protocol.ts";
import { Difficulty } from "./bots/difficulty.ts";
import { Lesson } from "./lesson.ts";
import { JOBS } from "./jobs.ts";
import { AmendmentId, ChannelId, DelegationId, InstrumentId, ProvisionId, SeatId } from "./ids.ts";

export const Role = z.enum(["host", "delegate", "observer"]);
export type Role = z.infer<typeof Role>;

/**
 * A delegate's job within its delegation, besides the head (who is in `heads`):
 * it guides what they do; it locks nobody out of anything.
 */
export const Job = z.enum(JOBS);
export type Job = z.infer<typeof Job>;

export const Seat = z.object({
  id: SeatId,
  name: z.string(),
  role: Role,
  delegation: DelegationId.nullable(),
  /** Secret: hex SHA-256 of the seat token (for the host: of the host key). Never in any view. */
  token: z.string(),
  /** Read out by the host to a student on another device; seen by the host and the seat itself. */
  rejoinCode: z.string(),
  connected: z.boolean(),
  joinedAt: z.number(),
  /** Highest client sequence number applied for this seat (exactly-once delivery). */
  lastSeq: z.number().int(),
  /** Set on a computer delegation's seat: it is played by the server, by its brief, at this difficulty. */
  computer: Difficulty.optional(),
  /** The delegate's job when not head (absent in sessions stored before jobs, and on seats that joined as head). */
  job: Job.optional(),
});
export type Seat = z.infer<typeof Seat>;

export const Timer = z.discriminatedUnion("state", [
  z.object({ state: z.literal("off") }),
  z.object({ state: z.literal("running"), endsAt: z.number(), durationMs: z.number() }),
  z.object({ state: z.literal("paused"), remainingMs: z.number(), durationMs: z.number() }),
  /** Ran out and the phase plan says to wait for the host. */
  z.object({ state: z.literal("expired"), durationMs: z.number() }),
]);
export type Timer = z.infer<typeof Timer>;

export const ProvisionVersion = z.object({
  version: z.number().int().min(1),
  text: z.string(),
  /** One delegation id per word of `text`: who wrote that word (whose wording survived). */
  authors: z.array(DelegationId),
  at: z.number(),
  by: DelegationId,
  cause: z.enum(["tabled", "amendment", "retag"]),
  amendment: AmendmentId.optional(),
  /** The provision's tags from this version on (absent in versions recorded before tags were versioned). */
  tags: z.array(z.string()).optional(),
});
export type ProvisionVersion = z.infer<typeof ProvisionVersion>;

export const BracketVote = z.object({
  votes: z.record(DelegationId, Vote),
  openedAt: z.number(),
});

export const Provision = z.object({
  id: ProvisionId,
  instrument: InstrumentId,
  card: z.string().nullable(),
  title: z.string(),
  tags: z.array(z.string()),
  tabledBy: DelegationId,
  tabledAt: z.number(),
  /** tabled: under negotiation; adopted: kept in the frozen text; dropped: bracket resolved by dropping or a lost vote. */
  status: z.enum(["tabled", "withdrawn", "adopted", "dropped"]),
  stances: z.record(DelegationId, Stance),
  /** Every version of the text, oldest first; the last is the current text. */
  versions: z.array(ProvisionVersion).min(1),
  /** Inject ids that bear on this provision, in the order released. */
  flags: z.array(z.string()),
  /** An open vote to resolve the provision's brackets in the final-text phase. */
  vote: BracketVote.nullable(),
  /** Set when the brackets were resolved (kept by vote, or dropped). */
  resolution: z.enum(["kept-by-vote", "dropped", "dropped-by-vote"]).nullable(),
});
export type Provision = z.infer<typeof Provision>;

export const Amendment = z.object({
  id: AmendmentId,
  provision: ProvisionId,
  by: DelegationId,
  seat: SeatId,
  baseVersion: z.number().int(),
  edit: TextEdit,
  note: z.string().optional(),
  proposedAt: z.number(),
  /** One vote per delegation: any member casts it, only the head may change it. */
  votes: z.record(DelegationId, Vote),
  /** Who cast each delegation's vote, for everyone to see. */
  castBy: z.record(DelegationId, z.object({ seat: SeatId, name: z.string() })).default({}),
  /** The tags the new text would carry, decided with it (null: recorded before amendments stated tags). */
  tags: z.array(z.string()).nullable().default(null),
  /**
   * Under consensus, silence is consent only after this moment (ms since epoch), shown to everyone:
   * "adopted unless a delegation objects before 12:40". Null under majority and two-thirds.
   */
  deadline: z.number().nullable().default(null),
  /** lapsed: its text no longer exists in the current version, or the drafting phase ended. */
  status: z.enum(["pending", "adopted", "rejected", "withdrawn", "lapsed"]),
  decidedAt: z.number().nullable(),
});
export type Amendment = z.infer<typeof Amendment>;

export const FrozenText = z.object({
  /** Hex SHA-256 of the canonical text: title, and each adopted provision's id, card, title, text and tags, in order. */
  version: z.string(),
  at: z.number(),
  provisions: z.array(
    z.object({
      id: ProvisionId,
      title: z.string(),
      text: z.string(),
      card: z.string().nullable().default(null),
      tags: z.array(z.string()).default([]),
    }),
  ),
});
export type FrozenText = z.infer<typeof FrozenText>;

export const Instrument = z.object({
  id: InstrumentId,
  kind: z.enum(["code", "agreement"]),
  title: z.string(),
  /** null: open to every delegation (the multilateral code). */
  parties: z.array(DelegationId).nullable(),
  openedBy: DelegationId.nullable(),
  provisions: z.array(ProvisionId),
  frozen: FrozenText.nullable(),
});
export type Instrument = z.infer<typeof Instrument>;

export const Signature = z.object({
  instrument: InstrumentId,
  delegation: DelegationId,
  seat: SeatId,
  name: z.string(),
  version: z.string(),
  at: z.number(),
});
export type Signature = z.infer<typeof Signature>;

/** A head's "Not now" to signing a frozen version: the delegation refuses to sign, until it signs after all. Recorded like a signature. */
export type Decline = Signature;

export const ChatMessage = z.object({
  id: z.string(),
  seat: SeatId.nullable(),
  name: z.string(),
  delegation: DelegationId.nullable(),
  text: z.string(),
  at: z.number(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const Channel = z.object({
  id: ChannelId,
  kind: z.enum(["floor", "announcements", "team", "private"]),
  title: z.string(),
  /** Delegations that may read and write (team and private channels); null for public channels. */
  members: z.array(DelegationId).nullable(),
  messages: z.array(ChatMessage),
});
export type Channel = z.infer<typeof Channel>;

/** One public line of the negotiation's history: the debrief's timeline replays these. */
export const TimelineEntry = z.object({
  at: z.number(),
  kind: z.string(),
  text: z.string(),
  delegation: DelegationId.nullable(),
  provision: ProvisionId.nullable(),
  instrument: InstrumentId.nullable(),
  /** For provision changes: the version of the text after this entry. */
  version: z.number().int().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const DelegationScore = z.object({
  delegation: DelegationId,
  /** The delegation's result: the shared code's value if it validly signed a code that counts, else its walk-away; below the walk-away if it signed across a red line. */
  score: z.number(),
  /** Its best alternative to the shared code, from its brief. */
  walkAway: z.number(),
  /** The most the shared code could be worth to it without crossing its red lines. */
  maximum: z.number(),
  /** What the frozen shared code's text is worth to it, signed or not (null: the code was never frozen). */
  codeValue: z.number().nullable(),
  /** Whether it validly signed a shared code that counts (two or more valid signers). */
  signedCode: z.boolean(),
  /** Against its walk-away: above (it succeeded), at, or below. */
  outcome: z.enum(["above", "at", "below"]),
  /** Priorities met, each once: a card or tag (or everyone-signs), its weight, and the provision that met it. */
  met: z.array(
    z.object({ what: z.string(), weight: z.number(), provision: ProvisionId.nullable(), instrument: InstrumentId }),
  ),
  redLinesCrossed: z.array(z.object({ tag: z.string(), provision: ProvisionId, instrument: InstrumentId })),
  /** Instruments that count (two or more valid signers) which it validly signed. */
  signed: z.array(InstrumentId),
});
export type DelegationScore = z.infer<typeof DelegationScore>;

/** One student's answer to one debrief question (`question` indexes scenario.questions). */
export const Reflection = z.object({
  seat: SeatId,
  /** The display name when it was written, kept for the record if the student leaves. */
  name: z.string(),
  delegation: DelegationId.nullable(),
  question: z.number().int().min(0),
  text: z.string(),
  at: z.number(),
});
export type Reflection = z.infer<typeof Reflection>;

export const Debrief = z.object({
  scores: z.array(DelegationScore),
  /** Whether the shared code counts: frozen, and validly signed by at least two delegations. */
  codeCounts: z.boolean(),
  /** -100 (national cyberspaces) to +100 (a global commons). */
  commons: z.number(),
  /** -100 (unstable) to +100 (stable). */
  stability: z.number(),
  /** Share of the words in adopted text written by each delegation, 0..1. */
  wording: z.record(DelegationId, z.number()),
});
export type Debrief = z.infer<typeof Debrief>;

export const SessionState = z.object({
  code: z.string(),
  scenario: Scenario,
  decisionRule: DecisionRule,
  createdAt: z.number(),
  /** Last time an action was applied: the rules' clock never goes backwards. */
  now: z.number(),
  /** Counter for minted ids (s1, p3, a7, ...). */
  nextId: z.number().int(),
  phase: PhaseId,
  timer: Timer,
  locked: z.boolean(),
  ended: z.boolean(),
  seats: z.array(Seat),
  /** Head of each delegation (null: nobody seated, the delegation abstains). */
  heads: z.record(DelegationId, SeatId.nullable()),
  instruments: z.array(Instrument),
  provisions: z.array(Provision),
  amendments: z.array(Amendment),
  signatures: z.array(Signature),
  /** Delegations that declined to sign (absent in sessions stored before declining was recorded). */
  declines: z.array(Signature).optional(),
  channels: z.array(Channel),
  injectsReleased: z.array(z.object({ inject: z.string(), at: z.number() })),
  timeline: z.array(TimelineEntry),
  debrief: Debrief.nullable(),
  /** The computer chairs the session (practice alone): it runs short timers, puts brackets to a vote, freezes the text. */
  autoChair: z.boolean().optional(),
  /** The lesson it was hosted for (absent in sessions stored before presets). */
  lesson: Lesson.optional(),
  /** Secret from students: each student's answers to the debrief questions, with their names (the host's view only). */
  reflections: z.array(Reflection).optional(),
  /** The host shows the answers on the projector, without names. */
  reflectionsShown: z.boolean().optional(),
});
export type SessionState = z.infer<typeof SessionState>;
