// What each phase is for, in two voices: the students' (the handout) and the
// teacher's (the lesson plans). The mechanics are the game's own; the rest
// comes from the scenario: its press rules, its news and when to release it,
// who reads which channel, its decision rule.
import type { PhaseId } from "../../shared/phases.ts";
import type { PhasePlanEntry, Scenario } from "../../shared/scenario.ts";

const RULE_WORDS: Record<Scenario["decisionRule"], string> = {
  consensus: "consensus (an amendment passes when no delegation objects)",
  majority: "a majority of the delegations",
  "two-thirds": "two thirds of the delegations",
};

/** What students do in a phase: one or two sentences a 12-year-old can read. */
export function forStudents(phase: PhaseId, plan: PhasePlanEntry | undefined): string {
  const press = plan?.privateChannels ? " Private channels with other delegations are open." : "";
  switch (phase) {
    case "briefing":
      return `Read your delegation's public position and its secret brief; agree in your team channel what you want and what you must never sign.`;
    case "opening":
      return `Each delegation states its public position on the floor, for everyone to hear.${press}`;
    case "negotiation":
      return `Table provision cards or draft your own, propose amendments, take a stance on each provision and bargain.${press}`;
    case "final-text":
      return `Settle the text: object to what you cannot accept; heads vote on [bracketed] provisions; then the text is frozen.${press}`;
    case "signing":
      return `Each head of delegation decides whether to sign the frozen text. Your screen says what it is worth to you before you sign.`;
    case "debrief":
      return `See what was agreed, who signed, each delegation against its own walk-away, every brief revealed, and answer the discussion questions in the app.`;
  }
}

/** What the teacher does in a phase, as a list of short instructions. */
export function forTeacher(phase: PhaseId, plan: PhasePlanEntry | undefined, s: Scenario): string[] {
  const news = s.injects.filter((i) => i.suggestedPhase === phase);
  const release = news.length
    ? [`Release the news from the console when the moment suits: ${news.map((i) => `“${i.headline}”`).join("; ")}.`]
    : [];
  const reads = s.hostReadsTeamChannels
    ? "Read the team channels in the console to see who has understood the brief."
    : "";
  const hold =
    plan?.onExpire === "advance"
      ? "The phase moves on by itself when the timer runs out."
      : "When the timer runs out it holds at zero: move on with Next phase.";
  switch (phase) {
    case "briefing":
      return [
        "Put the projector view on the big screen: it shows the code, the join link and the QR code.",
        "Check the roster: every delegation has students (let the computer play an empty one), each has a head.",
        "Check the jobs in the roster's Job column (spokesperson, drafter, liaison, analyst); the head may hand them out again.",
        "Start the timer. Remind students that briefs are secret: no showing screens to other delegations.",
        ...(reads ? [reads] : []),
        hold,
      ];
    case "opening":
      return [
        "Call on each delegation in turn to state its public position on the floor (or aloud).",
        ...release,
        hold,
      ];
    case "negotiation":
      return [
        `Explain how amendments pass: ${RULE_WORDS[s.decisionRule]}.`,
        "Walk the room; nudge delegations that have tabled nothing to table a card or answer a private channel.",
        ...release,
        "Close stuck amendment votes from the console; give a two-minute warning (+1/+5 min if the class is close to a deal).",
        hold,
      ];
    case "final-text":
      return [
        "Resolve the [brackets]: drop a provision, or put it to a vote of the heads.",
        "As the judge, re-tag a provision whose words no longer match what it counts for.",
        "Freeze the text when no bracket is left: signing needs a frozen text.",
        ...release,
      ];
    case "signing":
      return [
        "Watch the console's list of who has signed and who has not; remind heads that a red line crossed costs them.",
        "Move on to the debrief when every head has decided.",
      ];
    case "debrief":
      return [
        "Walk through the results on the projector: each delegation against its own walk-away (no leaderboard), the meters, whose words survived.",
        "Students answer the discussion questions in the app; show the answers on the projector without names to start the discussion.",
        "Export the printable report and the students table (CSV) to grade from.",
      ];
  }
}
