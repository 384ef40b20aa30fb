// Every vote states its rule, who may vote, the tally and the outcome in the
// words of its own buttons (Yes/No on an amendment, Keep/Drop on bracketed
// text). The rules write outcomes with these words; the pages show the rule
// and the live tally with them. Free of zod, so the pages import it.
export type DecisionRuleName = "consensus" | "majority" | "two-thirds";
export type VoteKind = "amendment" | "bracket";
export interface VoteCount {
  yes: number;
  no: number;
  abstain: number;
}

/** What the buttons say, and what passing or failing is called. */
const WORDS = {
  amendment: { yes: "Yes", no: "No", passed: "adopted", failed: "rejected" },
  bracket: { yes: "Keep", no: "Drop", passed: "kept", failed: "dropped" },
} as const;

export function countVotes(votes: Readonly<Record<string, "yes" | "no" | "abstain">>): VoteCount {
  const t: VoteCount = { yes: 0, no: 0, abstain: 0 };
  for (const v of Object.values(votes)) t[v]++;
  return t;
}

/** consensus: nobody says no; majority: more yes than no; two-thirds: some yes and at least twice as many yes as no. */
export function passes(rule: DecisionRuleName, t: VoteCount): boolean {
  if (rule === "consensus") return t.no === 0;
  if (rule === "majority") return t.yes > t.no;
  return t.yes > 0 && t.yes >= 2 * t.no;
}

/** The fewest yes votes that pass when all `n` vote yes or no. */
export function yesNeeded(rule: DecisionRuleName, n: number): number {
  if (rule === "consensus") return n;
  if (rule === "majority") return Math.floor(n / 2) + 1;
  return Math.max(1, Math.ceil((2 * n) / 3));
}

/**
 * The rule in plain words, for `voters` delegations:
 * "Rule: majority. Kept if Keep outnumbers Drop (3 of 5 if all 5 vote); a tie drops it; abstaining doesn't count."
 */
export function ruleSentence(rule: DecisionRuleName, kind: VoteKind, voters: number): string {
  const w = WORDS[kind];
  const pass = w.passed[0]!.toUpperCase() + w.passed.slice(1);
  const fail = kind === "bracket" ? "drops it" : "rejects it";
  const howMany = voters > 1 ? ` (${yesNeeded(rule, voters)} of ${voters} if all ${voters} vote)` : "";
  if (rule === "consensus")
    return `Rule: consensus. ${pass} only if no delegation votes ${w.no}; one ${w.no} ${fail}. Abstaining doesn't block.`;
  if (rule === "majority")
    return `Rule: majority. ${pass} if ${w.yes} outnumbers ${w.no}${howMany}; a tie ${fail}. Abstaining doesn't count.`;
  return `Rule: two-thirds. ${pass} if ${w.yes} gets at least twice as many votes as ${w.no}${howMany}. Abstaining doesn't count.`;
}

/** Who may vote, in words. */
export const whoVotes = (kind: VoteKind): string =>
  kind === "bracket"
    ? "Heads of delegation vote: one vote per delegation."
    : "One vote per delegation: any member casts it; only the head can change it.";

/** "Keep 3, Drop 2" (and abstentions when there were any). */
export function tallyWords(kind: VoteKind, t: VoteCount): string {
  const w = WORDS[kind];
  return `${w.yes} ${t.yes}, ${w.no} ${t.no}${t.abstain > 0 ? `, Abstain ${t.abstain}` : ""}`;
}

/** Why a vote failed, by its rule: "under consensus one Drop is enough". */
function whyFailed(rule: DecisionRuleName, kind: VoteKind, t: VoteCount): string {
  const w = WORDS[kind];
  if (rule === "consensus") return `under consensus one ${w.no} is enough`;
  if (t.yes === 0 && t.no === 0) return "nobody voted either way";
  if (rule === "majority") return t.yes === t.no ? "a tie is not a majority" : `more ${w.no} than ${w.yes}`;
  return `two-thirds needs at least twice as many ${w.yes} as ${w.no}`;
}

/** The outcome in the buttons' words: "kept by a vote: Keep 3, Drop 2" or "dropped by a vote: Keep 2, Drop 2 (a tie is not a majority)". */
export function outcomeWords(rule: DecisionRuleName, kind: VoteKind, t: VoteCount): string {
  const w = WORDS[kind];
  return passes(rule, t)
    ? `${w.passed} by a vote: ${tallyWords(kind, t)}`
    : `${w.failed} by a vote: ${tallyWords(kind, t)} (${whyFailed(rule, kind, t)})`;
}

/** The part of a session (state or view) that votersOn reads. */
export interface VotingSession {
  seats: readonly { role: string; delegation?: string | null | undefined }[];
  instruments: readonly { id: string; parties: readonly string[] | null }[];
  scenario: { delegations: readonly { id: string }[] };
}

/** How many delegations vote on an instrument's text: its parties with someone seated (an empty delegation abstains). */
export function votersOn(s: VotingSession, instrumentId: string): number {
  const instrument = s.instruments.find((i) => i.id === instrumentId);
  if (!instrument) return 0;
  const seated = new Set(s.seats.filter((x) => x.role === "delegate" && x.delegation).map((x) => x.delegation));
  const parties = instrument.parties ?? s.scenario.delegations.map((d) => d.id);
  return parties.filter((d) => seated.has(d)).length;
}
