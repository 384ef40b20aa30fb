// A small scenario and hand-built sessions for the store and export tests.
import { createHash } from "node:crypto";
import { Scenario, type ScenarioInput } from "../../shared/scenario.ts";
import { SessionState } from "../../shared/state.ts";
import type { JournalEntry, SessionMeta, StoredSession } from "../../server/store/types.ts";

/** Text that is markup in HTML, Markdown and CSV, and a formula in a spreadsheet. */
export const NASTY = 'No <script>alert(1)</script> | * _ # [x](y) ` "a,b"\n=cmd';
/** A cell that starts like a spreadsheet formula. */
export const FORMULA = '=HYPERLINK("http://evil.example","click")';

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
export const HOST_KEY = "host-key-0123456789abcdef0123";

const phases = (["briefing", "opening", "negotiation", "final-text", "signing", "debrief"] as const).map((phase) => ({
  phase,
  minutes: 5,
}));

const brief = (card: string) => ({
  instructions: "Keep the Internet open.",
  priorities: [{ card, weight: 5 }],
  redLines: [{ tag: "sovereignty", why: "We never cede control of our networks." }],
  walkAway: { value: 2, alternative: "Our existing agreements." },
  success: "Sign an instrument with your priority in it.",
});

export const scenarioInput: ScenarioInput = {
  schemaVersion: 1,
  id: "test-code",
  title: "A test code of conduct",
  summary: "Two delegations negotiate.",
  source: { title: "Test article", citation: "Test, 2024." },
  learningObjectives: ["See how text changes."],
  suggestedMinutes: 45,
  codeTitle: "International Code of Conduct",
  delegations: [
    {
      id: "china",
      name: "China",
      bloc: "SCO",
      colour: "#cc0000",
      emblem: "CN",
      publicPosition: "Sovereignty first.",
      brief: brief("infrastructure"),
    },
    {
      id: "usa",
      name: "United States",
      bloc: "Allies",
      colour: "#0033aa",
      emblem: "US",
      publicPosition: "Free flow of information.",
      brief: brief("free-flow"),
    },
  ],
  cards: [
    {
      id: "infrastructure",
      title: "Critical infrastructure off limits",
      text: "No attacks on power grids.",
      category: "protection",
      tags: ["protection"],
      quote: "power grids",
      meters: { commons: 1, stability: 2 },
    },
    {
      id: "free-flow",
      title: "Free flow of information",
      text: "The Internet is a global commons.",
      category: "rights",
      tags: ["commons"],
      quote: "global commons",
      meters: { commons: 3, stability: 0 },
    },
    {
      id: "sovereignty",
      title: "State sovereignty",
      text: "Each state governs its own cyberspace.",
      category: "sovereignty",
      tags: ["sovereignty"],
      quote: "sovereignty",
      meters: { commons: -3, stability: 1 },
    },
  ],
  injects: [],
  phases,
  questions: ["Whose wording survived, and why?", "Was the code worth signing?"],
};
export const scenario: Scenario = Scenario.parse(scenarioInput);

const T0 = Date.UTC(2025, 2, 14, 9, 0, 0);

/** A session at the debrief: two instruments, nasty text, signatures and scores. Built by hand, checked by the schema. */
export function debriefState(code = "ACDEFG"): SessionState {
  const seat = (id: string, name: string, role: "host" | "delegate", delegation: string | null, token: string) => ({
    id,
    name,
    role,
    delegation,
    token: sha256(token),
    rejoinCode: "K7QX",
    connected: true,
    joinedAt: T0,
    lastSeq: 3,
  });
  const version = (text: string, by: string, at: number, cause: "tabled" | "amendment" = "tabled") => ({
    version: 1,
    text,
    authors: text.split(/\s+/).map(() => by),
    at,
    by,
    cause,
  });
  return SessionState.parse({
    code,
    scenario,
    decisionRule: "consensus",
    createdAt: T0,
    now: T0 + 60_000 * 40,
    nextId: 20,
    phase: "debrief",
    timer: { state: "off" },
    locked: false,
    ended: true,
    seats: [
      seat("s1", "Host", "host", null, HOST_KEY),
      seat("s2", "Mei <b>", "delegate", "china", "token-of-mei-0123456789ab"),
      seat("s3", "Sam =1+1", "delegate", "usa", "token-of-sam-0123456789ab"),
    ],
    heads: { china: "s2", usa: "s3" },
    instruments: [
      {
        id: "code",
        kind: "code",
        title: "International Code of Conduct",
        parties: null,
        openedBy: null,
        provisions: ["p4", "p5"],
        frozen: {
          version: "a1b2c3d4e5f6a7b8c9d0",
          at: T0 + 60_000 * 30,
          provisions: [
            { id: "p4", title: "Critical infrastructure off limits", text: "No attacks on power grids or water." },
            { id: "p5", title: "Hostile *markup*", text: NASTY },
          ],
        },
      },
      {
        id: "i6",
        kind: "agreement",
        title: "Bilateral agreement",
        parties: ["china", "usa"],
        openedBy: "china",
        provisions: ["p7"],
        frozen: null,
      },
    ],
    provisions: [
      {
        id: "p4",
        instrument: "code",
        card: "infrastructure",
        title: "Critical infrastructure off limits",
        tags: ["protection"],
        tabledBy: "china",
        tabledAt: T0 + 60_000,
        status: "adopted",
        stances: { china: "sponsor", usa: "support" },
        versions: [
          version("No attacks on power grids.", "china", T0 + 60_000),
          {
            version: 2,
            text: "No attacks on power grids or water.",
            authors: ["china", "china", "china", "china", "china", "usa", "usa"],
            at: T0 + 60_000 * 10,
            by: "usa",
            cause: "amendment",
            amendment: "a9",
          },
        ],
        flags: [],
        vote: null,
        resolution: null,
      },
      {
        id: "p5",
        instrument: "code",
        card: null,
        title: "Hostile *markup*",
        tags: [],
        tabledBy: "usa",
        tabledAt: T0 + 60_000 * 2,
        status: "adopted",
        stances: { usa: "sponsor", china: "reservation" },
        versions: [version(NASTY, "usa", T0 + 60_000 * 2)],
        flags: [],
        vote: null,
        resolution: null,
      },
      {
        id: "p7",
        instrument: "i6",
        card: null,
        title: "@spreadsheet",
        tags: [],
        tabledBy: "china",
        tabledAt: T0 + 60_000 * 3,
        status: "dropped",
        stances: { usa: "objection" },
        versions: [version(FORMULA, "china", T0 + 60_000 * 3)],
        flags: [],
        vote: null,
        resolution: "dropped",
      },
    ],
    amendments: [],
    signatures: [
      {
        instrument: "code",
        delegation: "china",
        seat: "s2",
        name: "Mei <b>",
        version: "a1b2c3d4e5f6a7b8c9d0",
        at: T0 + 60_000 * 32,
      },
      {
        instrument: "code",
        delegation: "usa",
        seat: "s3",
        name: "Sam =1+1",
        version: "a1b2c3d4e5f6a7b8c9d0",
        at: T0 + 60_000 * 33,
      },
    ],
    channels: [
      {
        id: "floor",
        kind: "floor",
        title: "Floor",
        members: null,
        messages: [
          {
            id: "m10",
            seat: "s2",
            name: "Mei <b>",
            delegation: "china",
            text: "Hello <i>all</i>",
            at: T0 + 60_000 * 4,
          },
        ],
      },
    ],
    injectsReleased: [],
    timeline: [
      {
        at: T0 + 60_000,
        kind: "provision.tabled",
        text: "China tabled “Critical infrastructure off limits”",
        delegation: "china",
        provision: "p4",
        instrument: "code",
        version: 1,
      },
      {
        at: T0 + 60_000 * 2,
        kind: "provision.tabled",
        text: "United States tabled “Hostile *markup*”",
        delegation: "usa",
        provision: "p5",
        instrument: "code",
        version: 1,
      },
      {
        at: T0 + 60_000 * 32,
        kind: "signed",
        text: "China signed the code",
        delegation: "china",
        provision: null,
        instrument: "code",
        version: null,
      },
    ],
    debrief: {
      scores: [
        {
          delegation: "china",
          score: 7,
          walkAway: 2,
          maximum: 9,
          codeValue: 7,
          signedCode: true,
          outcome: "above",
          met: [{ what: "infrastructure", weight: 5, provision: "p4", instrument: "code" }],
          redLinesCrossed: [],
          signed: ["code"],
        },
        {
          delegation: "usa",
          score: -3,
          walkAway: 2,
          maximum: 5,
          codeValue: 0,
          signedCode: true,
          outcome: "below",
          met: [],
          redLinesCrossed: [{ tag: "sovereignty", provision: "p5", instrument: "code" }],
          signed: ["code"],
        },
      ],
      codeCounts: true,
      commons: 40,
      stability: -15,
      wording: { china: 0.625, usa: 0.375 },
    },
  });
}

/** Journal entries matching debriefState, with secrets in ctx.fresh as the server journals them. */
export function debriefEntries(): JournalEntry[] {
  const e = (
    seq: number,
    actor: JournalEntry["actor"],
    command: JournalEntry["command"],
    fresh?: { tokenHash: string; rejoinCode: string },
  ): JournalEntry => ({
    seq,
    actor,
    command,
    ctx: { now: T0 + seq * 1000, ...(fresh ? { fresh } : {}) },
  });
  return [
    e(
      1,
      { kind: "system" },
      { type: "seat.join", role: "delegate", name: "Mei <b>", delegation: "china" },
      { tokenHash: sha256("token-of-mei-0123456789ab"), rejoinCode: "K7QX" },
    ),
    e(
      2,
      { kind: "system" },
      { type: "seat.join", role: "delegate", name: "Sam =1+1", delegation: "usa" },
      { tokenHash: sha256("token-of-sam-0123456789ab"), rejoinCode: "K7QY" },
    ),
    e(
      3,
      { kind: "seat", seat: "s3" },
      { type: "provision.draft", instrument: "code", title: "Hostile *markup*", text: NASTY, tags: [] },
    ),
    e(4, { kind: "seat", seat: "s2" }, { type: "say", channel: "floor", text: FORMULA }),
    e(5, { kind: "seat", seat: "s1" }, { type: "phase.next" }),
  ];
}

export function storedCreated(code: string, now = T0): StoredSession["created"] {
  return { scenario, code, now, hostTokenHash: sha256(HOST_KEY), hostRejoinCode: "H3MK" };
}

export function meta(code: string, at = T0): SessionMeta {
  return { code, scenarioId: scenario.id, title: scenario.title, createdAt: at, updatedAt: at };
}

export const T_START = T0;
