// Every vote states its rule: the rule and who votes in plain words, the
// tally and the outcome in the words of the vote's own buttons, and the same
// words in the timeline the rules write (issue 12, finding 5).
import { describe, expect, it } from "vitest";
import { outcomeWords, ruleSentence, tallyWords, votersOn, whoVotes, yesNeeded } from "../../shared/vote-words.ts";
import { HOST, join, newSession, ok, table, tableCard, toPhase } from "../fixtures/mini-scenario.ts";
import type { SessionState } from "../../shared/state.ts";

describe("the rule of a vote, in words", () => {
  it("says what passes, with the count needed when everyone votes", () => {
    expect(ruleSentence("majority", "bracket", 5)).toBe(
      "Rule: majority. Kept if Keep outnumbers Drop (3 of 5 if all 5 vote); a tie drops it. Abstaining doesn't count.",
    );
    expect(ruleSentence("consensus", "amendment", 5)).toBe(
      "Rule: consensus. Adopted only if no delegation votes No; one No rejects it. Abstaining doesn't block.",
    );
    expect(ruleSentence("two-thirds", "bracket", 5)).toBe(
      "Rule: two-thirds. Kept if Keep gets at least twice as many votes as Drop (4 of 5 if all 5 vote). Abstaining doesn't count.",
    );
    expect([1, 2, 3, 4, 5, 6].map((n) => yesNeeded("two-thirds", n))).toEqual([1, 2, 2, 3, 4, 4]);
    expect([1, 2, 3, 4, 5].map((n) => yesNeeded("majority", n))).toEqual([1, 2, 2, 3, 3]);
    expect(whoVotes("bracket")).toBe("Heads of delegation vote: one vote per delegation.");
  });
  it("says the outcome in the buttons' words, with why it failed", () => {
    // The oddities a class met: each now says why.
    expect(outcomeWords("consensus", "amendment", { yes: 3, no: 2, abstain: 0 })).toBe(
      "rejected by a vote: Yes 3, No 2 (under consensus one No is enough)",
    );
    expect(outcomeWords("majority", "bracket", { yes: 2, no: 2, abstain: 0 })).toBe(
      "dropped by a vote: Keep 2, Drop 2 (a tie is not a majority)",
    );
    expect(outcomeWords("consensus", "bracket", { yes: 2, no: 1, abstain: 0 })).toBe(
      "dropped by a vote: Keep 2, Drop 1 (under consensus one Drop is enough)",
    );
    expect(outcomeWords("majority", "bracket", { yes: 3, no: 2, abstain: 1 })).toBe(
      "kept by a vote: Keep 3, Drop 2, Abstain 1",
    );
    expect(outcomeWords("two-thirds", "bracket", { yes: 3, no: 2, abstain: 0 })).toBe(
      "dropped by a vote: Keep 3, Drop 2 (two-thirds needs at least twice as many Keep as Drop)",
    );
    expect(tallyWords("amendment", { yes: 0, no: 0, abstain: 0 })).toBe("Yes 0, No 0");
  });
});

describe("what the rules record", () => {
  const bracketVote = (rule: "consensus" | "majority", votes: ("yes" | "no")[]): SessionState => {
    const t = table("negotiation", { decisionRule: rule });
    const tabled = tableCard(t.state, t.wei, "non-aggression");
    let s = ok(tabled.state, t.amy, { type: "stance.set", provision: tabled.provision, stance: "objection" });
    s = toPhase(s, "final-text");
    s = ok(s, HOST, { type: "bracket.resolve", provision: tabled.provision, how: "vote" });
    [t.wei, t.ivan, t.amy].slice(0, votes.length).forEach((who, i) => {
      s = ok(s, who, { type: "vote.cast", provision: tabled.provision, vote: votes[i]! });
    });
    return s;
  };
  it("a bracket vote's timeline line says its outcome in Keep and Drop, and why", () => {
    const s = bracketVote("consensus", ["yes", "yes", "no"]);
    expect(s.timeline.at(-1)!.text).toBe(
      "The vote on “Mutual non-aggression”: dropped by a vote: Keep 2, Drop 1 (under consensus one Drop is enough)",
    );
    const kept = bracketVote("majority", ["yes", "yes", "no"]);
    expect(kept.timeline.at(-1)!.text).toBe("The vote on “Mutual non-aggression”: kept by a vote: Keep 2, Drop 1");
  });
  it("counts as voters the parties with someone seated", () => {
    const t = table("negotiation");
    expect(votersOn(t.state, "code")).toBe(3); // China, Russia, the US seated; the scenario's others empty
    expect(votersOn(join(newSession(), "Solo", "china").state, "code")).toBe(1);
  });
});
