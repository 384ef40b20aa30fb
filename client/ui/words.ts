// Reading a view in the game's words: names, colours, statuses.
import type { SessionView, DelegationView } from "../../shared/view.ts";
import type { Provision } from "../../shared/state.ts";
import { countVotes, tallyWords, votersOn } from "../../shared/vote-words.ts";

export type View = SessionView;

export const delegationOf = (view: View, id: string | null | undefined): DelegationView | undefined =>
  id ? view.scenario.delegations.find((d) => d.id === id) : undefined;

// The same predicates the rules use (shared/rules/provision-reading.ts has no schemas to load).
export { currentText, currentVersion, isBracketed } from "../../shared/rules/provision-reading.ts";
import { isBracketed } from "../../shared/rules/provision-reading.ts";

export type ProvisionStatus = "tabled" | "bracketed" | "adopted" | "withdrawn" | "dropped";
export const provisionStatus = (p: Provision): ProvisionStatus => (isBracketed(p) ? "bracketed" : p.status);
export const STATUS_WORDS: Record<ProvisionStatus, string> = {
  tabled: "Tabled",
  bracketed: "[Bracketed]",
  adopted: "Adopted",
  withdrawn: "Withdrawn",
  dropped: "Dropped",
};

export const STANCE_WORDS = {
  sponsor: "Sponsor",
  support: "Support",
  reservation: "Reservation",
  objection: "Objection",
} as const;
/** A symbol per stance so the chip never depends on colour alone. */
export const STANCE_MARKS = { sponsor: "★", support: "✓", reservation: "~", objection: "✗" } as const;

export const shortHash = (version: string): string => version.slice(0, 8);

export const provisionsOf = (view: View, instrumentId: string): Provision[] => {
  const inst = view.instruments.find((i) => i.id === instrumentId);
  if (!inst) return [];
  return inst.provisions
    .map((id) => view.provisions.find((p) => p.id === id))
    .filter((p): p is Provision => p !== undefined);
};

export const isParty = (view: View, instrumentId: string, delegation: string | null): boolean => {
  const inst = view.instruments.find((i) => i.id === instrumentId);
  return !!inst && !!delegation && (inst.parties === null || inst.parties.includes(delegation));
};

/**
 * How a bracket was resolved, in the vote's button words, from the public
 * timeline: "Kept by a vote: Keep 3, Drop 2", "Dropped by a vote: Keep 2,
 * Drop 2 (a tie is not a majority)", or "Dropped by the teacher".
 */
export const resolutionWords = (view: View, p: Provision): string | null => {
  if (!p.resolution) return null;
  if (p.resolution === "dropped") return "Dropped by the teacher";
  const entry = [...view.timeline]
    .reverse()
    .find((e) => e.provision === p.id && (e.kind === "vote.kept" || e.kind === "vote.dropped"));
  const said = entry ? /(kept|dropped) by a vote: (.*)$/.exec(entry.text) : null;
  if (said) return `${said[1] === "kept" ? "Kept" : "Dropped"} by a vote: ${said[2]}`;
  // Sessions recorded before votes spoke in their buttons' words: "(yes 2, no 1, abstain 0)".
  const old = entry ? /\(yes (\d+), no (\d+), abstain (\d+)\)\s*$/.exec(entry.text) : null;
  const count = old ? tallyWords("bracket", { yes: +old[1]!, no: +old[2]!, abstain: +old[3]! }) : null;
  return `${p.resolution === "kept-by-vote" ? "Kept by a vote" : "Dropped by a vote"}${count ? `: ${count}` : ""}`;
};

/** Headlines of the news that bears on a provision. */
export const newsFor = (view: View, p: Provision): string[] =>
  p.flags.map((f) => view.scenario.injects.find((i) => i.id === f)?.headline ?? f);

const VOTE_WORDS = { yes: "keep", no: "drop", abstain: "abstains" } as const;

/**
 * An open bracket vote, live: "Keep 1, Drop 1 · 2 of 5 voted · China: keep ·
 * United States: drop", or that nobody has voted.
 */
export const voteTally = (view: View, p: Provision): string => {
  if (!p.vote) return "";
  const cast = Object.entries(p.vote.votes);
  const voters = votersOn(view, p.instrument);
  if (cast.length === 0) return `nobody has voted yet (0 of ${voters})`;
  return [
    tallyWords("bracket", countVotes(p.vote.votes)),
    `${cast.length} of ${voters} voted`,
    ...cast.map(([d, v]) => `${delegationOf(view, d)?.name ?? d}: ${VOTE_WORDS[v]}`),
  ].join(" · ");
};
