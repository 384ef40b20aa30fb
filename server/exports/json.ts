// The whole session as JSON, for an archive or another tool: the state and
// the journal exactly as recorded, less the secrets (see redact.ts).
import type { SessionState } from "../../shared/state.ts";
import type { JournalEntry } from "../store/types.ts";
import { redactEntries, redactState, type ExportedEntry, type ExportedState } from "./redact.ts";

export const JSON_EXPORT_FORMAT = "accord-session";
export const JSON_EXPORT_VERSION = 1;

export interface SessionExport {
  format: typeof JSON_EXPORT_FORMAT;
  version: typeof JSON_EXPORT_VERSION;
  state: ExportedState;
  journal: ExportedEntry[];
}

export function sessionExport(state: SessionState, entries: readonly JournalEntry[]): SessionExport {
  return {
    format: JSON_EXPORT_FORMAT,
    version: JSON_EXPORT_VERSION,
    state: redactState(state),
    journal: redactEntries(entries),
  };
}

export function exportJson(state: SessionState, entries: readonly JournalEntry[]): string {
  return JSON.stringify(sessionExport(state, entries), null, 2) + "\n";
}
