// Signing: the head of delegation signs a frozen version. The signature names
// that version and counts only while the instrument is frozen at it.
import type { Signature, SessionState } from "../state.ts";
import { accept, event, logged, mine, type ActionOf, type Handler } from "./context.ts";
import { headPhrase, instrumentOf, isParty, nameOf, quoted } from "./lookup.ts";
import { refuse } from "./refuse.ts";

/** Whether a signature names its instrument's current frozen version. */
export function signatureCounts(s: SessionState, sig: Signature): boolean {
  const frozen = instrumentOf(s, sig.instrument)?.frozen;
  return frozen != null && frozen.version === sig.version;
}

export const sign: Handler<ActionOf<"sign">> = (s, a, w) => {
  const own = mine(w);
  const seat = w.seat!;
  if (s.heads[own] !== seat.id)
    return refuse("NOT_HEAD_OF_DELEGATION", `Only the head of delegation can sign. Ask ${headPhrase(s, own)} to sign.`);
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
      `The text of ${quoted(instrument.title)} has changed since you read it. Reload it and sign the new version.`,
    );
  if (s.signatures.some((x) => x.instrument === instrument.id && x.delegation === own && x.version === a.version))
    return refuse("ALREADY_SIGNED", `${nameOf(s, own)} has already signed ${quoted(instrument.title)}.`);
  const signature: Signature = {
    instrument: instrument.id,
    delegation: own,
    seat: seat.id,
    name: seat.name,
    version: a.version,
    at: w.t,
  };
  const state: SessionState = {
    ...s,
    signatures: [...s.signatures, signature],
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
