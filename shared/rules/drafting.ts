// Instruments and provisions: opening an agreement, tabling from a card or as
// free text, withdrawing, and each delegation's stance (which brackets text).
import { LIMITS } from "../limits.ts";
import type { Instrument, Provision, SessionState } from "../state.ts";
import type { DelegationId } from "../ids.ts";
import { accept, event, logged, mine, type ActionOf, type Handler, type Who } from "./context.ts";
import {
  cardOf,
  delegationOf,
  injectOf,
  instrumentOf,
  isParty,
  mint,
  nameOf,
  provisionOf,
  quoted,
  unknownTag,
} from "./lookup.ts";
import { refuse, type Refusal } from "./refuse.ts";
import { words } from "./words.ts";
/** The instrument, if this delegation may work on it and its text is not frozen. */
export function openInstrumentFor(s: SessionState, id: string, delegation: DelegationId): Instrument | Refusal {
  const instrument = instrumentOf(s, id);
  if (!instrument) return refuse("UNKNOWN_INSTRUMENT", "That instrument does not exist.");
  if (!isParty(instrument, delegation))
    return refuse(
      "NOT_A_PARTY",
      `${nameOf(s, delegation)} is not a party to ${quoted(instrument.title)}, so it can't work on it.`,
    );
  if (instrument.frozen)
    return refuse(
      "TEXT_FROZEN",
      `The text of ${quoted(instrument.title)} is frozen. Ask the host to unfreeze it first.`,
    );
  return instrument;
}

/** A provision this delegation may work on: it exists, it is a party, and the text is not frozen. */
export function provisionFor(
  s: SessionState,
  id: string,
  delegation: DelegationId,
): { provision: Provision; instrument: Instrument } | Refusal {
  const provision = provisionOf(s, id);
  if (!provision) return refuse("UNKNOWN_PROVISION", "That provision does not exist.");
  const instrument = openInstrumentFor(s, provision.instrument, delegation);
  if ("ok" in instrument) return instrument;
  if (provision.status !== "tabled")
    return refuse(
      "PROVISION_CLOSED",
      `${quoted(provision.title)} is ${provision.status}: it is no longer on the table.`,
    );
  return { provision, instrument };
}

export const instrumentOpen: Handler<ActionOf<"instrument.open">> = (s, a, w) => {
  const own = mine(w);
  const unknown = a.parties.find((d) => !delegationOf(s, d));
  if (unknown !== undefined) return refuse("UNKNOWN_DELEGATION", `"${unknown}" is not a delegation in this scenario.`);
  if (!a.parties.some((d) => d !== own))
    return refuse(
      "SAME_DELEGATION",
      "An agreement needs at least one other delegation. Choose who you are making it with.",
    );
  if (s.instruments.length >= LIMITS.instrumentsPerSession)
    return refuse(
      "TOO_MANY",
      `There are already ${LIMITS.instrumentsPerSession} instruments: work on one of them instead.`,
    );
  const wanted = new Set([own, ...a.parties]);
  const parties = s.scenario.delegations.map((d) => d.id).filter((d) => wanted.has(d));
  const { id, nextId } = mint(s, "i");
  const title = a.title.trim();
  const instrument: Instrument = { id, kind: "agreement", title, parties, openedBy: own, provisions: [], frozen: null };
  const who = parties.map((d) => nameOf(s, d)).join(", ");
  return accept(
    {
      ...s,
      nextId,
      instruments: [...s.instruments, instrument],
      timeline: logged(s, w.t, "instrument.open", `${nameOf(s, own)} opened ${quoted(title)} among ${who}`, {
        delegation: own,
        instrument: id,
      }),
    },
    [
      event("instrument.open", `${nameOf(s, own)} opened a new agreement: ${quoted(title)} (${who}).`, {
        instrument: id,
      }),
    ],
  );
};

/** Adds a freshly tabled provision (version 1, its tabler the sponsor) to an instrument. */
function tabled(
  s: SessionState,
  w: Who,
  instrument: Instrument,
  fields: { card: string | null; title: string; text: string; tags: string[] },
) {
  const own = mine(w);
  const { id, nextId } = mint(s, "p");
  const text = words(fields.text).join(" ");
  // News already out that bears on this card flags it at once.
  const flags =
    fields.card === null
      ? []
      : s.injectsReleased.filter((r) => injectOf(s, r.inject)?.cards.includes(fields.card!)).map((r) => r.inject);
  const provision: Provision = {
    id,
    instrument: instrument.id,
    card: fields.card,
    title: fields.title,
    tags: fields.tags,
    tabledBy: own,
    tabledAt: w.t,
    status: "tabled",
    stances: { [own]: "sponsor" },
    versions: [{ version: 1, text, authors: words(text).map(() => own), at: w.t, by: own, cause: "tabled" }],
    flags,
    vote: null,
    resolution: null,
  };
  const state: SessionState = {
    ...s,
    nextId,
    provisions: [...s.provisions, provision],
    instruments: s.instruments.map((x) => (x === instrument ? { ...x, provisions: [...x.provisions, id] } : x)),
    timeline: logged(
      s,
      w.t,
      "provision.table",
      `${nameOf(s, own)} tabled ${quoted(provision.title)} in ${quoted(instrument.title)}`,
      {
        delegation: own,
        provision: id,
        instrument: instrument.id,
        version: 1,
      },
    ),
  };
  return accept(state, [
    event("provision.table", `${nameOf(s, own)} tabled ${quoted(provision.title)}.`, {
      provision: id,
      instrument: instrument.id,
    }),
  ]);
}

const tooManyProvisions = (instrument: Instrument) =>
  instrument.provisions.length >= LIMITS.provisionsPerInstrument
    ? refuse("TOO_MANY", `${quoted(instrument.title)} already has ${LIMITS.provisionsPerInstrument} provisions.`)
    : null;

export const provisionTable: Handler<ActionOf<"provision.table">> = (s, a, w) => {
  const own = mine(w);
  const instrument = openInstrumentFor(s, a.instrument, own);
  if ("ok" in instrument) return instrument;
  const card = cardOf(s, a.card);
  if (!card) return refuse("UNKNOWN_CARD", "That provision card is not in this scenario.");
  const already = s.provisions.find(
    (p) => p.instrument === instrument.id && p.card === card.id && (p.status === "tabled" || p.status === "adopted"),
  );
  if (already)
    return refuse(
      "CARD_ALREADY_TABLED",
      `${quoted(card.title)} is already on the table in ${quoted(instrument.title)}.`,
    );
  return (
    tooManyProvisions(instrument) ??
    tabled(s, w, instrument, { card: card.id, title: card.title, text: card.text, tags: [...card.tags] })
  );
};

export const provisionDraft: Handler<ActionOf<"provision.draft">> = (s, a, w) => {
  const own = mine(w);
  const instrument = openInstrumentFor(s, a.instrument, own);
  if ("ok" in instrument) return instrument;
  const stray = unknownTag(s, a.tags);
  if (stray !== null) return stray;
  const title = a.title.trim();
  const text = words(a.text).join(" ");
  if (title.length === 0 || title.length > LIMITS.title)
    return refuse("BAD_MESSAGE", `A title needs 1 to ${LIMITS.title} characters.`);
  if (text.length === 0 || text.length > LIMITS.provisionText)
    return refuse("BAD_MESSAGE", `A provision needs 1 to ${LIMITS.provisionText} characters of text.`);
  return (
    tooManyProvisions(instrument) ?? tabled(s, w, instrument, { card: null, title, text, tags: [...new Set(a.tags)] })
  );
};

export const provisionWithdraw: Handler<ActionOf<"provision.withdraw">> = (s, a, w) => {
  const own = mine(w);
  const provision = provisionOf(s, a.provision);
  if (!provision) return refuse("UNKNOWN_PROVISION", "That provision does not exist.");
  if (provision.tabledBy !== own)
    return refuse(
      "NOT_PROPOSER",
      `Only ${nameOf(s, provision.tabledBy)}, who tabled ${quoted(provision.title)}, can withdraw it.`,
    );
  if (instrumentOf(s, provision.instrument)?.frozen)
    return refuse("TEXT_FROZEN", "That text is frozen. Ask the host to unfreeze it first.");
  if (provision.status !== "tabled")
    return refuse(
      "PROVISION_CLOSED",
      `${quoted(provision.title)} is ${provision.status}: it is no longer on the table.`,
    );
  if (provision.resolution === "kept-by-vote")
    return refuse(
      "PROVISION_CLOSED",
      `The heads of delegation voted to keep ${quoted(provision.title)}, so it can no longer be withdrawn.`,
    );
  const pending = s.amendments.some((x) => x.provision === provision.id && x.status === "pending");
  const state: SessionState = {
    ...s,
    provisions: s.provisions.map((p) => (p === provision ? { ...p, status: "withdrawn" as const, vote: null } : p)),
    amendments: pending
      ? s.amendments.map((x) =>
          x.provision === provision.id && x.status === "pending"
            ? { ...x, status: "withdrawn" as const, decidedAt: w.t }
            : x,
        )
      : s.amendments,
    timeline: logged(s, w.t, "provision.withdraw", `${nameOf(s, own)} withdrew ${quoted(provision.title)}`, {
      delegation: own,
      provision: provision.id,
      instrument: provision.instrument,
      version: provision.versions.length,
    }),
  };
  return accept(state, [
    event("provision.withdraw", `${nameOf(s, own)} withdrew ${quoted(provision.title)}.`, { provision: provision.id }),
  ]);
};

/** How close to the end of Negotiation a provision may have been tabled or changed and still be objected to in Final text. */
export const LATE_MS = 3 * 60_000;

/** Whether a provision was tabled or last changed within LATE_MS before Final text began. */
export function lateInNegotiation(s: SessionState, provision: Provision): boolean {
  const began = [...s.timeline].reverse().find((e) => e.kind === "phase" && e.text.startsWith("Final text"))?.at;
  const changed = provision.versions[provision.versions.length - 1]?.at ?? provision.tabledAt;
  return began !== undefined && began - Math.max(provision.tabledAt, changed) <= LATE_MS;
}

const STANCE_WORDS = {
  sponsor: "sponsors",
  support: "supports",
  reservation: "has reservations about",
  objection: "objects to",
} as const;

export const stanceSet: Handler<ActionOf<"stance.set">> = (s, a, w) => {
  const own = mine(w);
  const found = provisionFor(s, a.provision, own);
  if ("ok" in found) return found;
  const { provision } = found;
  if (s.phase === "final-text") {
    // Drafting is over; only what reached the table at the last minute can still be bracketed.
    if (a.stance !== "objection")
      return refuse(
        "WRONG_PHASE",
        "During Final text you can only object to a provision tabled or changed at the last minute.",
      );
    if (!lateInNegotiation(s, provision))
      return refuse(
        "WRONG_PHASE",
        `${quoted(provision.title)} was on the table well before Final text: objections to it had to be made during Negotiation.`,
      );
  }
  const before = provision.stances[own] ?? null;
  if (before === a.stance)
    return refuse(
      "ALREADY_DONE",
      a.stance === null
        ? "Your delegation has no stance on this provision yet."
        : `Your delegation already ${STANCE_WORDS[a.stance]} it.`,
    );
  const stances = { ...provision.stances };
  if (a.stance === null) delete stances[own];
  else stances[own] = a.stance;
  // A new objection brackets the text again, even if an earlier vote had kept it.
  const resolution = a.stance === "objection" && provision.resolution === "kept-by-vote" ? null : provision.resolution;
  const text =
    a.stance === null
      ? `${nameOf(s, own)} dropped its stance on ${quoted(provision.title)}`
      : `${nameOf(s, own)} ${STANCE_WORDS[a.stance]} ${quoted(provision.title)}`;
  const state: SessionState = {
    ...s,
    provisions: s.provisions.map((p) => (p === provision ? { ...p, stances, resolution } : p)),
    timeline: logged(s, w.t, "stance", text, {
      delegation: own,
      provision: provision.id,
      instrument: provision.instrument,
      version: provision.versions.length,
    }),
  };
  return accept(state, [event("stance", `${text}.`, { provision: provision.id, delegation: own, stance: a.stance })]);
};
