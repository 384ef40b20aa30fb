// Secrets never leave in an export: seat token hashes (a hash of a weak key
// could be guessed offline), rejoin codes (they give a seat back while the
// session runs), and the fresh secrets journaled with seat.join / seat.hand.
import type { SessionState } from "../../shared/state.ts";
import type { JournalEntry } from "../store/types.ts";

export type ExportedSeat = Omit<SessionState["seats"][number], "token" | "rejoinCode">;
export type ExportedState = Omit<SessionState, "seats"> & { seats: ExportedSeat[] };
export type ExportedEntry = Omit<JournalEntry, "ctx"> & { ctx: Omit<JournalEntry["ctx"], "fresh"> };

export function redactState(state: SessionState): ExportedState {
  return {
    ...state,
    seats: state.seats.map(({ token: _token, rejoinCode: _rejoin, ...seat }) => seat),
  };
}

export function redactEntries(entries: readonly JournalEntry[]): ExportedEntry[] {
  return entries.map(({ ctx: { fresh: _fresh, ...ctx }, ...entry }) => ({ ...entry, ctx }));
}
