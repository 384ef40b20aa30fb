// Where a refused join is shown on the join form. The words come from the
// server ("CODE: words", worded in shared/refusal-words.ts); the page adds only
// the one refusal the server cannot send: no answer at all.
import { JOIN_WORDS } from "../../shared/refusal-words.ts";

export type JoinField = "code" | "name" | "rejoin" | "form";

export interface JoinRefusal {
  code: string;
  field: JoinField;
  words: string;
}

const FIELDS: Readonly<Record<string, JoinField>> = {
  UNKNOWN_SESSION: "code",
  LOCKED: "code",
  SESSION_FULL: "code",
  SESSION_ENDED: "code",
  NAME_TAKEN: "name",
  NAME_NOT_ALLOWED: "name",
  UNKNOWN_DELEGATION: "name",
  UNKNOWN_SEAT: "rejoin",
  SEAT_TAKEN: "rejoin",
};

/** The server answers a refused join with "CODE: words"; anything else is a network trouble. */
export function joinRefusal(err: unknown): JoinRefusal {
  const message = err instanceof Error ? err.message : typeof err === "string" ? err : "";
  const match = /^([A-Z_]{3,}):\s*(.*)$/s.exec(message);
  if (match) {
    const code = match[1]!;
    return { code, field: FIELDS[code] ?? "form", words: match[2] || "The server refused to let you in." };
  }
  if (/not found|no rooms? found|invalid room/i.test(message))
    return { code: "UNKNOWN_SESSION", field: "code", words: JOIN_WORDS.UNKNOWN_SESSION! };
  return { code: "NETWORK", field: "form", words: "Can't reach the game. Check your Wi-Fi, then try again." };
}
