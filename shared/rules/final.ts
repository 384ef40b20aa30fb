// The final text: bracketed provisions are dropped or put to a vote of the
// heads of delegation, then the host freezes each instrument under a version hash.
import type { SessionState } from "../state.ts";
import { accept, event, logged, mine, type ActionOf, type Handler } from "./context.ts";
import { closeBracketVote } from "./decide.ts";
import { currentText, isBracketed } from "./provision-reading.ts";
import { headPhrase, instrumentOf, isParty, nameOf, provisionOf, quoted, replaced, unknownTag } from "./lookup.ts";
import { refuse } from "./refuse.ts";
import { settleVotes } from "./settle.ts";
import { versionHash } from "./hash.ts";

const unknownProvision = () => refuse("UNKNOWN_PROVISION", "That provision does not exist.");
const noVote = (title: string) => refuse("NO_VOTE_OPEN", `There is no vote open on ${quoted(title)}.`);

export const bracketResolve: Handler<ActionOf<"bracket.resolve">> = (s, a, w) => {
  const provision = provisionOf(s, a.provision);
  if (!provision) return unknownProvision();
  if (instrumentOf(s, provision.instrument)?.frozen)
    return refuse("TEXT_FROZEN", "That text is frozen. Unfreeze it first.");
  if (provision.status !== "tabled")
    return refuse(
      "PROVISION_CLOSED",
      `${quoted(provision.title)} is ${provision.status}: it is no longer on the table.`,
    );
  if (!isBracketed(provision))
    return refuse("NOT_BRACKETED", `Nobody objects to ${quoted(provision.title)}, so it has no brackets to resolve.`);
  if (provision.vote) return refuse("VOTE_OPEN", `A vote on ${quoted(provision.title)} is already open.`);
  const ref = { provision: provision.id, instrument: provision.instrument, version: provision.versions.length };
  if (a.how === "drop") {
    const state: SessionState = {
      ...s,
      provisions: replaced(s.provisions, provision.id, (p) => ({
        ...p,
        status: "dropped" as const,
        resolution: "dropped" as const,
      })),
      timeline: logged(s, w.t, "bracket.drop", `The host dropped the bracketed ${quoted(provision.title)}`, ref),
    };
    return accept(state, [
      event("bracket.drop", `${quoted(provision.title)} was dropped from the text.`, { provision: provision.id }),
    ]);
  }
  const state: SessionState = {
    ...s,
    provisions: replaced(s.provisions, provision.id, (p) => ({ ...p, vote: { votes: {}, openedAt: w.t } })),
    timeline: logged(s, w.t, "vote.open", `The host put the bracketed ${quoted(provision.title)} to a vote`, ref),
  };
  return accept(state, [
    event("vote.open", `Heads of delegation: vote now on ${quoted(provision.title)}.`, { provision: provision.id }),
  ]);
};

export const voteCast: Handler<ActionOf<"vote.cast">> = (s, a, w) => {
  const own = mine(w);
  const provision = provisionOf(s, a.provision);
  if (!provision) return unknownProvision();
  if (s.heads[own] !== w.seat!.id)
    return refuse(
      "NOT_HEAD_OF_DELEGATION",
      `Only the head of delegation casts the vote. Ask ${headPhrase(s, own)} to vote.`,
    );
  if (!provision.vote) return noVote(provision.title);
  const instrument = instrumentOf(s, provision.instrument);
  if (!instrument || !isParty(instrument, own))
    return refuse(
      "NOT_A_PARTY",
      `${nameOf(s, own)} is not a party to ${quoted(instrument?.title ?? "this instrument")}.`,
    );
  if (provision.vote.votes[own] === a.vote) return refuse("ALREADY_DONE", `Your delegation already voted ${a.vote}.`);
  const voted: SessionState = {
    ...s,
    provisions: replaced(s.provisions, provision.id, (p) =>
      p.vote ? { ...p, vote: { ...p.vote, votes: { ...p.vote.votes, [own]: a.vote } } } : p,
    ),
  };
  const settled = settleVotes(voted, w.t);
  return accept(settled.state, [
    event("vote.cast", `${nameOf(s, own)} voted on ${quoted(provision.title)}.`, {
      provision: provision.id,
      delegation: own,
    }),
    ...settled.events,
  ]);
};

export const voteClose: Handler<ActionOf<"vote.close">> = (s, a, w) => {
  const provision = provisionOf(s, a.provision);
  if (!provision) return unknownProvision();
  if (!provision.vote) return noVote(provision.title);
  const { state, events } = closeBracketVote(s, provision.id, w.t);
  return accept(state, events);
};

export const instrumentFreeze: Handler<ActionOf<"instrument.freeze">> = (s, a, w) => {
  const instrument = instrumentOf(s, a.instrument);
  if (!instrument) return refuse("UNKNOWN_INSTRUMENT", "That instrument does not exist.");
  if (instrument.frozen) return refuse("ALREADY_DONE", `${quoted(instrument.title)} is already frozen.`);
  const own = s.provisions.filter((p) => p.instrument === instrument.id);
  // Text already put to a vote is waiting on the vote, not on the host: say so.
  const bracketed = own.filter((p) => isBracketed(p) && p.vote === null);
  if (bracketed.length > 0)
    return refuse(
      "OPEN_BRACKETS",
      `Resolve the bracketed text first: ${bracketed.map((p) => quoted(p.title)).join(", ")}.`,
    );
  const voting = own.find((p) => p.vote !== null);
  if (voting) return refuse("VOTE_OPEN", `The vote on ${quoted(voting.title)} is still open. Close it first.`);
  if (s.amendments.some((x) => x.status === "pending" && own.some((p) => p.id === x.provision)))
    return refuse(
      "PENDING_AMENDMENTS",
      `Some amendments to ${quoted(instrument.title)} are still waiting for a decision.`,
    );
  const kept = instrument.provisions.map((id) => own.find((p) => p.id === id)).filter((p) => p?.status === "tabled");
  if (kept.length === 0)
    return refuse(
      "EMPTY_INSTRUMENT",
      `${quoted(instrument.title)} has no provisions on the table, so there is nothing to freeze.`,
    );
  const texts = kept.map((p) => ({
    id: p!.id,
    title: p!.title,
    text: currentText(p!),
    card: p!.card,
    tags: [...p!.tags],
  }));
  const frozen = { version: versionHash(instrument.title, texts), at: w.t, provisions: texts };
  const keptIds = new Set(texts.map((p) => p.id));
  const state: SessionState = {
    ...s,
    instruments: replaced(s.instruments, instrument.id, (x) => ({ ...x, frozen })),
    provisions: s.provisions.map((p) => (keptIds.has(p.id) ? { ...p, status: "adopted" as const } : p)),
    timeline: logged(
      s,
      w.t,
      "instrument.freeze",
      `The host froze ${quoted(instrument.title)} (version ${frozen.version.slice(0, 12)})`,
      { instrument: instrument.id },
    ),
  };
  return accept(state, [
    event("instrument.freeze", `The text of ${quoted(instrument.title)} is final.`, {
      instrument: instrument.id,
      version: frozen.version,
    }),
  ]);
};

export const instrumentUnfreeze: Handler<ActionOf<"instrument.unfreeze">> = (s, a, w) => {
  const instrument = instrumentOf(s, a.instrument);
  if (!instrument) return refuse("UNKNOWN_INSTRUMENT", "That instrument does not exist.");
  if (!instrument.frozen) return refuse("NOT_FROZEN", `${quoted(instrument.title)} is not frozen.`);
  // Signatures stay on record but name the old version, so they stop counting.
  const state: SessionState = {
    ...s,
    instruments: replaced(s.instruments, instrument.id, (x) => ({ ...x, frozen: null })),
    provisions: s.provisions.map((p) =>
      p.instrument === instrument.id && p.status === "adopted" ? { ...p, status: "tabled" as const } : p,
    ),
    timeline: logged(s, w.t, "instrument.unfreeze", `The host unfroze ${quoted(instrument.title)}`, {
      instrument: instrument.id,
    }),
  };
  return accept(state, [
    event("instrument.unfreeze", `${quoted(instrument.title)} is open for changes again.`, {
      instrument: instrument.id,
    }),
  ]);
};

export const provisionRetag: Handler<ActionOf<"provision.retag">> = (s, a, w) => {
  const provision = provisionOf(s, a.provision);
  if (!provision) return unknownProvision();
  if (instrumentOf(s, provision.instrument)?.frozen)
    return refuse("TEXT_FROZEN", "That text is frozen. Unfreeze it first.");
  if (provision.status !== "tabled")
    return refuse(
      "PROVISION_CLOSED",
      `${quoted(provision.title)} is ${provision.status}: it is no longer on the table.`,
    );
  const tags = [...new Set(a.tags)];
  const stray = unknownTag(s, tags);
  if (stray !== null) return stray;
  if (tags.length === provision.tags.length && tags.every((t) => provision.tags.includes(t)))
    return refuse("NO_CHANGE", `${quoted(provision.title)} already carries exactly those tags.`);
  const words = tags.length === 0 ? "no tags" : tags.join(", ");
  const text = `The host, as judge, re-tagged ${quoted(provision.title)}: it now counts for ${words} (was ${provision.tags.join(", ") || "no tags"})`;
  const state: SessionState = {
    ...s,
    provisions: replaced(s.provisions, provision.id, (p) => ({ ...p, tags })),
    timeline: logged(s, w.t, "provision.retag", text, {
      provision: provision.id,
      instrument: provision.instrument,
      version: provision.versions.length,
    }),
  };
  return accept(state, [event("provision.retag", `${text}.`, { provision: provision.id, tags })]);
};
