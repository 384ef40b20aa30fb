// Signing: the head of delegation signs a frozen version, or declines to
// ("Not now"), for everyone to see. The signature names that version and
// counts only while the instrument is frozen at it; a delegation that
// declined may still sign after all while Signing lasts.
import type { Decline, Instrument, Signature, SessionState } from "../state.ts";
import type { DelegationId } from "../ids.ts";
import type { Refusal } from "./refuse.ts";
import { accept, event, logged, mine, type ActionOf, type Handler, type Who } from "./context.ts";
import { headPhrase, instrumentOf, isParty, nameOf, quoted } from "./lookup.ts";
import { refuse } from "./refuse.ts";

/** Whether a signature names its instrument's current frozen version. */
export function signatureCounts(s: SessionState, sig: Signature): boolean {
  const frozen = instrumentOf(s, sig.instrument)?.frozen;
  return frozen != null && frozen.version === sig.version;
}

/** What signing and declining both check: the head, a party, a frozen text at the version the head read. */
function signable(
  s: SessionState,
  a: { instrument: string; version: string },
  w: Who,
  verb: string,
): { own: DelegationId; instrument: Instrument } | Refusal {
  const own = mine(w);
  if (s.heads[own] !== w.seat!.id)
    return refuse(
      "NOT_HEAD_OF_DELEGATION",
      `Only the head of delegation can ${verb}. Ask ${headPhrase(s, own)} to ${verb}.`,
    );
  const instrument = instrumentOf(s, a.instrument);
  if (!instrument) return refuse("UNKNOWN_INSTRUMENT", "That instrument does not exist.");
  if (!isParty(instrument, own))
    return refuse(
      "NOT_A_PARTY",
      `${nameOf(s, own)} is not a party to ${quoted(instrument.title)}, so it can't sign it.`,
    );
  if (!instrument.frozen)
    return refuse("NOT_FROZEN", `${quoted(instrument.title)} is not final yet: only a frozen text can be signed.`);
  if (a.version !== instrument.frozen.version)
    return refuse(
      "VERSION_MISMATCH",
      `The text of ${quoted(instrument.title)} has changed since you read it. Reload it and ${verb} the new version.`,
    );
  if (s.signatures.some((x) => x.instrument === instrument.id && x.delegation === own && x.version === a.version))
    return refuse("ALREADY_SIGNED", `${nameOf(s, own)} has already signed ${quoted(instrument.title)}.`);
  return { own, instrument };
}

/** Who answered for which delegation, to which version, when: a signature and a "Not now" alike. */
const record = (
  instrument: string,
  delegation: string,
  seat: { id: string; name: string },
  version: string,
  at: number,
): Signature => ({ instrument, delegation, seat: seat.id, name: seat.name, version, at });

export const sign: Handler<ActionOf<"sign">> = (s, a, w) => {
  const found = signable(s, a, w, "sign");
  if ("ok" in found) return found;
  const { own, instrument } = found;
  const seat = w.seat!;
  const signature: Signature = record(instrument.id, own, seat, a.version, w.t);
  // Signing after all takes back the delegation's "Not now".
  const declines = s.declines?.filter((x) => !(x.instrument === instrument.id && x.delegation === own));
  const state: SessionState = {
    ...s,
    signatures: [...s.signatures, signature],
    ...(declines ? { declines } : {}),
    timeline: logged(s, w.t, "sign", `${seat.name} signed ${quoted(instrument.title)} for ${nameOf(s, own)}`, {
      delegation: own,
      instrument: instrument.id,
    }),
  };
  return accept(state, [
    event("sign", `${nameOf(s, own)} signed ${quoted(instrument.title)}.`, {
      instrument: instrument.id,
      delegation: own,
      version: a.version,
    }),
  ]);
};

/** The delegation's current "Not now" to an instrument's frozen version, if any. */
export function declineOf(
  s: Pick<SessionState, "declines" | "instruments">,
  instrument: string,
  delegation: string,
): Decline | undefined {
  const version = s.instruments.find((i) => i.id === instrument)?.frozen?.version;
  return s.declines?.find((x) => x.instrument === instrument && x.delegation === delegation && x.version === version);
}

export const signDecline: Handler<ActionOf<"sign.decline">> = (s, a, w) => {
  const found = signable(s, a, w, "decline to sign");
  if ("ok" in found) return found;
  const { own, instrument } = found;
  if (declineOf(s, instrument.id, own))
    return refuse("ALREADY_DONE", `${nameOf(s, own)} has already declined to sign ${quoted(instrument.title)}.`);
  const seat = w.seat!;
  const decline: Decline = record(instrument.id, own, seat, a.version, w.t);
  const others = (s.declines ?? []).filter((x) => !(x.instrument === instrument.id && x.delegation === own));
  const text = `${seat.name} declined to sign ${quoted(instrument.title)} for ${nameOf(s, own)}, for now`;
  const state: SessionState = {
    ...s,
    declines: [...others, decline],
    timeline: logged(s, w.t, "sign.decline", text, { delegation: own, instrument: instrument.id }),
  };
  return accept(state, [
    event("sign.decline", `${nameOf(s, own)} declined to sign ${quoted(instrument.title)}, for now.`, {
      instrument: instrument.id,
      delegation: own,
    }),
  ]);
};
