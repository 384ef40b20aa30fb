// Amendments: a word-level edit of one version of a provision, voted on by the
// party delegations and decided by the session's decision rule.
import { LIMITS } from "../limits.ts";
import type { Amendment, SessionState } from "../state.ts";
import type { GameEvent } from "./api.ts";
import { accept, event, logged, mine, type ActionOf, type Handler } from "./context.ts";
import { decideAmendment, editResult } from "./decide.ts";
import { provisionFor } from "./drafting.ts";
import { currentText } from "./provision-reading.ts";
import {
  amendmentOf,
  headPhrase,
  instrumentOf,
  isParty,
  mint,
  nameOf,
  provisionOf,
  quoted,
  replaced,
  unknownTag,
} from "./lookup.ts";
import { refuse } from "./refuse.ts";
import { consentDue, settleVotes } from "./settle.ts";
import { editFits, words } from "./words.ts";

/** Under consensus, how long an amendment waits before silence counts as consent. */
export const CONSENSUS_SILENCE_MS = 2 * 60_000;

const unknownAmendment = () => refuse("UNKNOWN_AMENDMENT", "That amendment does not exist.");
const closed = (a: Amendment) => refuse("AMENDMENT_CLOSED", `That amendment is ${a.status}: it is no longer open.`);

export const amendmentPropose: Handler<ActionOf<"amendment.propose">> = (s, a, w) => {
  const own = mine(w);
  const found = provisionFor(s, a.provision, own);
  if ("ok" in found) return found;
  const { provision } = found;
  const current = provision.versions.length;
  if (a.baseVersion !== current)
    return refuse(
      "STALE_VERSION",
      `${quoted(provision.title)} has changed since you read it (it is now version ${current}). Reload the text and try again.`,
    );
  const text = currentText(provision);
  if (!editFits(a.edit, words(text).length))
    return refuse(
      "BAD_EDIT",
      `That change points at words the text does not have (it has ${words(text).length} words).`,
    );
  const after = editResult(text, a.edit);
  if (after === words(text).join(" "))
    return refuse("NO_CHANGE", "That amendment would leave the text exactly as it is.");
  if (after === null)
    return refuse("BAD_EDIT", `A provision must keep some text and be at most ${LIMITS.provisionText} characters.`);
  const tags = a.tags === undefined ? [...provision.tags] : [...new Set(a.tags)];
  const stray = unknownTag(s, tags);
  if (stray !== null) return stray;
  const pending = s.amendments.filter((x) => x.provision === provision.id && x.status === "pending").length;
  if (pending >= LIMITS.pendingAmendmentsPerProvision)
    return refuse(
      "TOO_MANY",
      `${quoted(provision.title)} already has ${pending} amendments waiting. Decide some first.`,
    );

  const { id, nextId } = mint(s, "a");
  const note = a.note?.trim();
  const amendment: Amendment = {
    id,
    provision: provision.id,
    by: own,
    seat: w.seat!.id,
    baseVersion: current,
    edit: a.edit,
    ...(note ? { note } : {}),
    proposedAt: w.t,
    votes: { [own]: "yes" },
    castBy: { [own]: { seat: w.seat!.id, name: w.seat!.name } },
    tags,
    deadline: s.decisionRule === "consensus" ? w.t + CONSENSUS_SILENCE_MS : null,
    status: "pending",
    decidedAt: null,
  };
  const proposed: SessionState = {
    ...s,
    nextId,
    amendments: [...s.amendments, amendment],
    timeline: logged(
      s,
      w.t,
      "amendment.propose",
      `${nameOf(s, own)} proposed an amendment to ${quoted(provision.title)}`,
      {
        delegation: own,
        provision: provision.id,
        instrument: provision.instrument,
        version: current,
      },
    ),
  };
  const settled = settleVotes(proposed, w.t);
  return accept(settled.state, [
    event("amendment.propose", `${nameOf(s, own)} proposed an amendment to ${quoted(provision.title)}.`, {
      amendment: id,
      provision: provision.id,
    }),
    ...settled.events,
  ]);
};

export const amendmentVote: Handler<ActionOf<"amendment.vote">> = (s, a, w) => {
  const own = mine(w);
  const amendment = amendmentOf(s, a.amendment);
  if (!amendment) return unknownAmendment();
  if (amendment.status !== "pending") return closed(amendment);
  const provision = provisionOf(s, amendment.provision);
  const instrument = provision && instrumentOf(s, provision.instrument);
  if (!provision || !instrument) return refuse("INTERNAL", "That amendment's provision is missing.");
  if (!isParty(instrument, own))
    return refuse(
      "NOT_A_PARTY",
      `${nameOf(s, own)} is not a party to ${quoted(instrument.title)}, so it can't vote on this.`,
    );
  if (amendment.votes[own] === a.vote)
    return refuse("ALREADY_DONE", `Your delegation already voted ${a.vote} on this amendment.`);
  // One vote per delegation: any member casts it; once cast, only the head may change it.
  const cast = amendment.castBy[own];
  if (amendment.votes[own] !== undefined && s.heads[own] !== w.seat!.id)
    return refuse(
      "NOT_HEAD_OF_DELEGATION",
      `${cast?.name ?? "A member"} already cast ${nameOf(s, own)}'s vote (${amendment.votes[own]}). Only ${headPhrase(s, own)} can change it.`,
    );
  const by = { seat: w.seat!.id, name: w.seat!.name };
  const voted: SessionState = {
    ...s,
    amendments: replaced(s.amendments, amendment.id, (x) => ({
      ...x,
      votes: { ...x.votes, [own]: a.vote },
      castBy: { ...x.castBy, [own]: by },
    })),
  };
  const settled = settleVotes(voted, w.t);
  return accept(settled.state, [
    event(
      "amendment.vote",
      `${by.name} voted ${a.vote} for ${nameOf(s, own)} on an amendment to ${quoted(provision.title)}.`,
      {
        amendment: amendment.id,
        delegation: own,
        vote: a.vote,
        by: by.name,
      },
    ),
    ...settled.events,
  ]);
};

export const amendmentWithdraw: Handler<ActionOf<"amendment.withdraw">> = (s, a, w) => {
  const own = mine(w);
  const amendment = amendmentOf(s, a.amendment);
  if (!amendment) return unknownAmendment();
  if (amendment.by !== own)
    return refuse("NOT_PROPOSER", `Only ${nameOf(s, amendment.by)}, who proposed this amendment, can withdraw it.`);
  if (amendment.status !== "pending") return closed(amendment);
  const title = provisionOf(s, amendment.provision)?.title ?? "a provision";
  const state: SessionState = {
    ...s,
    amendments: replaced(s.amendments, amendment.id, (x) => ({ ...x, status: "withdrawn" as const, decidedAt: w.t })),
    timeline: logged(s, w.t, "amendment.withdraw", `${nameOf(s, own)} withdrew its amendment to ${quoted(title)}`, {
      delegation: own,
      provision: amendment.provision,
    }),
  };
  return accept(state, [
    event("amendment.withdraw", `${nameOf(s, own)} withdrew its amendment to ${quoted(title)}.`, {
      amendment: amendment.id,
    }),
  ]);
};

/** The server's clock reached a consensus deadline: what silence has now agreed to is decided, for everyone to see. */
export const amendmentConsent: Handler<ActionOf<"amendment.consent">> = (s, _a, w) => {
  if (!consentDue(s, w.t))
    return refuse("DEADLINE_NOT_REACHED", "No amendment's deadline for silent consent has passed yet.");
  const { state, events } = settleVotes(s, w.t);
  return accept(state, events);
};

export const amendmentClose: Handler<ActionOf<"amendment.close">> = (s, a, w) => {
  const amendment = amendmentOf(s, a.amendment);
  if (!amendment) return unknownAmendment();
  if (amendment.status !== "pending") return closed(amendment);
  const { state, events }: { state: SessionState; events: GameEvent[] } = decideAmendment(s, amendment.id, w.t);
  return accept(state, events);
};
