// Deciding by the session's decision rule: amendments (which change the text
// and rebase the others) and votes on bracketed text (which keep or drop it).
import type { TextEdit } from "../protocol.ts";
// Counting, and the outcome in the buttons' words, are shared with the pages.
import { countVotes, outcomeWords, passes } from "../vote-words.ts";
import type { Amendment, ProvisionVersion, SessionState } from "../state.ts";
import type { GameEvent } from "./api.ts";
import { event, logged } from "./context.ts";
import { instrumentOf, nameOf, partiesOf, provisionOf, quoted, replaced, seatedDelegations } from "./lookup.ts";
import { spanOf, spliceEdit, words } from "./words.ts";
import { LIMITS } from "../limits.ts";

/**
 * Moves a pending edit written against the old words so it applies to the words
 * after `adopted` (which put `addedCount` words where its span was). Null when
 * the two touch the same words (or insert at the same place): then it lapses.
 */
export function rebaseEdit(edit: TextEdit, adopted: TextEdit, addedCount: number): TextEdit | null {
  const { from: a, to: b } = spanOf(adopted);
  const { from: c, to: d } = spanOf(edit);
  const bothInsertHere = edit.kind === "insert" && adopted.kind === "insert" && c === a;
  if (bothInsertHere) return null;
  if (d <= a) return edit;
  if (c < b) return null;
  const shift = addedCount - (b - a);
  return edit.kind === "insert"
    ? { ...edit, at: edit.at + shift }
    : { ...edit, from: edit.from + shift, to: edit.to + shift };
}

/** Whether an edit still makes a valid, different text of at most the allowed length. */
export function editResult(text: string, edit: TextEdit): string | null {
  const out = spliceEdit(words(text), edit, edit.kind === "delete" ? [] : words(edit.text));
  if (!out) return null;
  const joined = out.join(" ");
  return joined.length > 0 && joined.length <= LIMITS.provisionText ? joined : null;
}

/** Seated party delegations that have not voted on an amendment. */
function silentOn(s: SessionState, amendment: Amendment, instrumentId: string): string[] {
  const instrument = instrumentOf(s, instrumentId);
  if (!instrument) return [];
  const seated = seatedDelegations(s);
  return partiesOf(s, instrument).filter((d) => seated.has(d) && amendment.votes[d] === undefined);
}

/**
 * Decides a pending amendment now. Under majority and two-thirds, votes not
 * cast count as abstentions. Under consensus, silence is consent only once the
 * amendment's visible deadline has passed: closed earlier, a delegation that
 * has not said yes has not consented, and the amendment fails.
 */
export function decideAmendment(s: SessionState, id: string, t: number): { state: SessionState; events: GameEvent[] } {
  const amendment = s.amendments.find((x) => x.id === id);
  const provision = amendment && provisionOf(s, amendment.provision);
  if (!amendment || !provision || amendment.status !== "pending") return { state: s, events: [] };
  const counts = countVotes(amendment.votes);
  const silent = silentOn(s, amendment, provision.instrument);
  const silenceBlocks =
    s.decisionRule === "consensus" && silent.length > 0 && (amendment.deadline === null || t < amendment.deadline);
  const current = provision.versions[provision.versions.length - 1]!;
  const added = amendment.edit.kind === "delete" ? [] : words(amendment.edit.text);
  const text = spliceEdit(words(current.text), amendment.edit, added);
  const authors = spliceEdit(
    current.authors,
    amendment.edit,
    added.map(() => amendment.by),
  );
  const adopted = passes(s.decisionRule, counts) && !silenceBlocks && text !== null && authors !== null;
  const by = nameOf(s, amendment.by);
  const why = silenceBlocks
    ? `${silent.map((d) => nameOf(s, d)).join(", ")} had not agreed and the deadline for silent consent had not passed`
    : null;

  if (!adopted) {
    const state: SessionState = {
      ...s,
      amendments: replaced(s.amendments, id, (x) => ({ ...x, status: "rejected" as const, decidedAt: t })),
      timeline: logged(
        s,
        t,
        "amendment.rejected",
        why
          ? `${by}'s amendment to ${quoted(provision.title)} was rejected (${why})`
          : `${by}'s amendment to ${quoted(provision.title)} was ${outcomeWords(s.decisionRule, "amendment", counts)}`,
        {
          delegation: amendment.by,
          provision: provision.id,
          instrument: provision.instrument,
          version: current.version,
        },
      ),
    };
    return {
      state,
      events: [
        event(
          "amendment.rejected",
          `${by}'s amendment to ${quoted(provision.title)} was ${why ? `rejected (${why})` : outcomeWords(s.decisionRule, "amendment", counts)}.`,
          {
            amendment: id,
            provision: provision.id,
          },
        ),
      ],
    };
  }

  const version: ProvisionVersion = {
    version: current.version + 1,
    text: text.join(" "),
    authors,
    at: t,
    by: amendment.by,
    cause: "amendment",
    amendment: id,
    ...(amendment.tags ? { tags: amendment.tags } : {}),
  };
  const amendments = s.amendments.map((x): Amendment => {
    if (x.id === id) return { ...x, status: "adopted", decidedAt: t };
    if (x.provision !== provision.id || x.status !== "pending") return x;
    const moved = rebaseEdit(x.edit, amendment.edit, added.length);
    if (moved === null || editResult(version.text, moved) === null) return { ...x, status: "lapsed", decidedAt: t };
    return { ...x, edit: moved, baseVersion: version.version };
  });
  const state: SessionState = {
    ...s,
    amendments,
    provisions: replaced(s.provisions, provision.id, (p) => ({
      ...p,
      versions: [...p.versions, version],
      tags: amendment.tags ?? p.tags,
    })),
    timeline: logged(
      s,
      t,
      "amendment.adopted",
      `${by}'s amendment to ${quoted(provision.title)} was ${outcomeWords(s.decisionRule, "amendment", counts)}`,
      {
        delegation: amendment.by,
        provision: provision.id,
        instrument: provision.instrument,
        version: version.version,
      },
    ),
  };
  return {
    state,
    events: [
      event("amendment.adopted", `${by}'s amendment to ${quoted(provision.title)} was adopted.`, {
        amendment: id,
        provision: provision.id,
        version: version.version,
      }),
    ],
  };
}

/** Closes the vote on a bracketed provision: kept (brackets gone) or dropped. */
export function closeBracketVote(
  s: SessionState,
  provisionId: string,
  t: number,
): { state: SessionState; events: GameEvent[] } {
  const provision = provisionOf(s, provisionId);
  if (!provision?.vote) return { state: s, events: [] };
  const counts = countVotes(provision.vote.votes);
  const kept = passes(s.decisionRule, counts);
  const outcome = outcomeWords(s.decisionRule, "bracket", counts);
  const words = kept ? "kept" : "dropped";
  const state: SessionState = {
    ...s,
    provisions: replaced(s.provisions, provisionId, (p) =>
      kept
        ? { ...p, vote: null, resolution: "kept-by-vote" as const }
        : { ...p, vote: null, status: "dropped" as const, resolution: "dropped-by-vote" as const },
    ),
    timeline: logged(s, t, `vote.${words}`, `The vote on ${quoted(provision.title)}: ${outcome}`, {
      provision: provisionId,
      instrument: provision.instrument,
      version: provision.versions.length,
    }),
  };
  const instrument = instrumentOf(s, provision.instrument);
  return {
    state,
    events: [
      event(
        `vote.${words}`,
        `The vote is over${instrument ? ` in ${quoted(instrument.title)}` : ""}: ${quoted(provision.title)} is ${outcome}.`,
        { provision: provisionId },
      ),
    ],
  };
}
