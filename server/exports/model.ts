// What a report says, worked out once from the state and the journal; the
// HTML, Markdown and CSV renderers only lay it out. Pure: no clock, no I/O.
import { PHASES, PHASE_TITLES } from "../../shared/scenario.ts";
import type { Brief } from "../../shared/scenario.ts";
import type { DelegationScore, Provision, SessionState } from "../../shared/state.ts";
import type { JournalEntry } from "../store/types.ts";
import { actorName, summarizeCommand, type Names, namesOf } from "./summary.ts";
import { priorityWords } from "../../shared/rules/score.ts";
import { resultWords } from "../../shared/rules/result-words.ts";

import { studentRecords, type StudentRecord } from "./students.ts";

export interface ReportMember {
  name: string;
  head: boolean;
}

/** A delegation's score with cards and instruments named as the class knows them. */
export interface ReportScore {
  /** The delegation's result (the shared code's value if it validly signed a code that counts, else its walk-away). */
  score: number;
  walkAway: number;
  maximum: number;
  outcome: DelegationScore["outcome"];
  /** Against its own alternative, in words: "China beat its alternative by 6 of a possible 28." */
  words: string;
  met: { what: string; weight: number; instrument: string }[];
  redLinesCrossed: { tag: string; provision: string; instrument: string }[];
  signed: string[];
}

export interface ReportDelegation {
  id: string;
  name: string;
  bloc: string;
  members: ReportMember[];
  brief: Brief;
  /** The brief's priorities, cards named by their titles. */
  priorities: { what: string; weight: number }[];
  score: ReportScore | null;
  /** Share of the words in adopted text this delegation wrote, 0..1 (null before the debrief). */
  wording: number | null;
}

export interface ReportStance {
  delegation: string;
  stance: string;
}

export interface ReportProvision {
  id: string;
  instrument: string;
  instrumentTitle: string;
  title: string;
  status: Provision["status"];
  resolution: Provision["resolution"];
  tabledBy: string;
  /** The last version of the text (for a frozen instrument, the frozen text). */
  text: string;
  version: number;
  versions: number;
  stances: ReportStance[];
  /** Who wrote the words of the current text, by share, largest first. */
  wording: { delegation: string; share: number }[];
}

export interface ReportSignature {
  instrument: string;
  instrumentTitle: string;
  delegation: string;
  name: string;
  version: string;
  at: number;
  /** False if the instrument's frozen text has since changed: the signature no longer counts. */
  current: boolean;
}

export interface ReportInstrument {
  id: string;
  title: string;
  kind: "code" | "agreement";
  parties: string[] | null;
  /** Frozen final text, or null while it is still being negotiated. */
  frozen: { version: string; at: number; provisions: { id: string; title: string; text: string }[] } | null;
  provisions: ReportProvision[];
  signatures: ReportSignature[];
}

export interface ReportAction {
  seq: number;
  at: number;
  actor: string;
  type: string;
  summary: string;
}

export interface Report {
  code: string;
  title: string;
  citation: string;
  createdAt: number;
  lastActionAt: number;
  phase: string;
  ended: boolean;
  decisionRule: string;
  host: string[];
  delegations: ReportDelegation[];
  instruments: ReportInstrument[];
  provisions: ReportProvision[];
  signatures: ReportSignature[];
  meters: { commons: number; stability: number } | null;
  timeline: { at: number; text: string; delegation: string | null }[];
  actions: ReportAction[];
  questions: string[];
  /** One record per student, to grade from (students.ts). */
  students: StudentRecord[];
}

function wordingOf(p: Provision, names: Names): ReportProvision["wording"] {
  const authors = p.versions.at(-1)?.authors ?? [];
  const counts = new Map<string, number>();
  for (const a of authors) counts.set(a, (counts.get(a) ?? 0) + 1);
  return [...counts]
    .map(([d, n]) => ({ delegation: names.delegation(d), share: n / Math.max(1, authors.length) }))
    .sort((a, b) => b.share - a.share || a.delegation.localeCompare(b.delegation));
}

function provisionRow(state: SessionState, p: Provision, names: Names): ReportProvision {
  const last = p.versions.at(-1);
  const instrument = state.instruments.find((i) => i.id === p.instrument);
  const frozenText = instrument?.frozen?.provisions.find((f) => f.id === p.id)?.text;
  return {
    id: p.id,
    instrument: p.instrument,
    instrumentTitle: instrument?.title ?? p.instrument,
    title: p.title,
    status: p.status,
    resolution: p.resolution,
    tabledBy: names.delegation(p.tabledBy),
    text: frozenText ?? last?.text ?? "",
    version: last?.version ?? 1,
    versions: p.versions.length,
    // In the scenario's order of delegations, so every report lists them alike.
    stances: state.scenario.delegations
      .filter((d) => p.stances[d.id] !== undefined)
      .map((d) => ({ delegation: d.name, stance: p.stances[d.id] as string })),
    wording: wordingOf(p, names),
  };
}

function scoreOf(state: SessionState, delegation: string, names: Names): ReportScore | null {
  const s: DelegationScore | undefined = state.debrief?.scores.find((x) => x.delegation === delegation);
  if (!s) return null;
  const card = (what: string) => state.scenario.cards.find((c) => c.id === what)?.title ?? what;
  const name = state.scenario.delegations.find((d) => d.id === delegation)?.name ?? delegation;
  return {
    score: s.score,
    walkAway: s.walkAway,
    maximum: s.maximum,
    outcome: s.outcome,
    words: resultWords(name, s),
    met: s.met.map((m) => ({
      what: m.what === "everyone-signs" ? "every delegation signs the shared code" : card(m.what),
      weight: m.weight,
      instrument: names.instrument(m.instrument),
    })),
    redLinesCrossed: s.redLinesCrossed.map((r) => ({
      tag: r.tag,
      provision: names.provision(r.provision),
      instrument: names.instrument(r.instrument),
    })),
    signed: s.signed.map(names.instrument),
  };
}

export function buildReport(state: SessionState, entries: readonly JournalEntry[]): Report {
  const names = namesOf(state);
  // Replays the phase through the journal so a move says where it went ("moved on to Final text").
  let at = 0;
  const phaseWords = (c: JournalEntry["command"]): string | null => {
    if (c.type === "phase.next" && at < PHASES.length - 1) return `moved on to ${PHASE_TITLES[PHASES[++at]!]}`;
    if (c.type === "phase.back" && at > 0) return `went back to ${PHASE_TITLES[PHASES[--at]!]}`;
    const plan = state.scenario.phases.find((p) => p.phase === PHASES[at]);
    if (c.type === "timer.deadline" && plan?.onExpire === "advance" && at < PHASES.length - 1)
      return `the time ran out: moved on to ${PHASE_TITLES[PHASES[++at]!]}`;
    return null;
  };
  const provisions = state.instruments.flatMap((i) =>
    i.provisions
      .map((id) => state.provisions.find((p) => p.id === id))
      .filter((p): p is Provision => p !== undefined)
      .map((p) => provisionRow(state, p, names)),
  );
  // Provisions an instrument no longer lists (withdrawn ones, say) still belong in the record.
  for (const p of state.provisions) {
    if (!provisions.some((r) => r.id === p.id)) provisions.push(provisionRow(state, p, names));
  }
  const signatures: ReportSignature[] = state.signatures.map((s) => {
    const instrument = state.instruments.find((i) => i.id === s.instrument);
    return {
      instrument: s.instrument,
      instrumentTitle: instrument?.title ?? s.instrument,
      delegation: names.delegation(s.delegation),
      name: s.name,
      version: s.version,
      at: s.at,
      current: instrument?.frozen?.version === s.version,
    };
  });
  return {
    code: state.code,
    title: state.scenario.title,
    citation: state.scenario.source.citation,
    createdAt: state.createdAt,
    lastActionAt: state.now,
    phase: PHASE_TITLES[state.phase],
    ended: state.ended,
    decisionRule: state.decisionRule,
    host: state.seats.filter((s) => s.role === "host").map((s) => s.name),
    students: studentRecords(state, entries),
    delegations: state.scenario.delegations.map((d) => ({
      id: d.id,
      name: d.name,
      bloc: d.bloc,
      members: state.seats
        .filter((s) => s.role === "delegate" && s.delegation === d.id)
        .map((s) => ({ name: s.name, head: state.heads[d.id] === s.id })),
      brief: d.brief,
      priorities: d.brief.priorities.map((p) => ({
        what: priorityWords(state.scenario, p),
        weight: p.weight,
      })),
      score: scoreOf(state, d.id, names),
      wording: state.debrief ? (state.debrief.wording[d.id] ?? 0) : null,
    })),
    instruments: state.instruments.map((i) => ({
      id: i.id,
      title: i.title,
      kind: i.kind,
      parties: i.parties?.map((d) => names.delegation(d)) ?? null,
      frozen: i.frozen,
      provisions: provisions.filter((p) => p.instrument === i.id),
      signatures: signatures.filter((s) => s.instrument === i.id),
    })),
    provisions,
    signatures,
    meters: state.debrief ? { commons: state.debrief.commons, stability: state.debrief.stability } : null,
    timeline: state.timeline.map((t) => ({
      at: t.at,
      text: t.text,
      delegation: t.delegation === null ? null : names.delegation(t.delegation),
    })),
    actions: entries.map((e) => ({
      seq: e.seq,
      at: e.ctx.now,
      actor: actorName(e.actor, names),
      type: e.command.type,
      summary: phaseWords(e.command) ?? summarizeCommand(e.command, names),
    })),
    questions: state.scenario.questions,
  };
}

/** "2025-03-14 09:00 UTC": the server does not know the class's time zone, so say which one. */
export function formatTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
