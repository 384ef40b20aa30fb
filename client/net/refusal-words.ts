// Plain words for refused joins, keyed by the server's refusal code, and the
// form field each one belongs next to.
export type JoinField = "code" | "name" | "rejoin" | "form";

export interface JoinRefusal {
  code: string;
  field: JoinField;
  words: string;
}

const WORDS: Record<string, { field: JoinField; words: string }> = {
  UNKNOWN_SESSION: { field: "code", words: "That code doesn't match a session — check the board." },
  LOCKED: { field: "code", words: "The teacher has locked this session. Ask them to unlock it." },
  SESSION_FULL: { field: "code", words: "This session is full. Ask your teacher." },
  SESSION_ENDED: { field: "code", words: "This session has ended." },
  NAME_TAKEN: { field: "name", words: "This name is taken in this session — add an initial." },
  NAME_NOT_ALLOWED: { field: "name", words: "That name can't be used here. Try your first name or a nickname." },
  UNKNOWN_DELEGATION: { field: "name", words: "That delegation is not in this session. Pick another one." },
  UNKNOWN_SEAT: { field: "rejoin", words: "That rejoin code doesn't match a seat. Ask your teacher to read it again." },
  SEAT_TAKEN: { field: "rejoin", words: "Someone is already sitting in that seat. Ask your teacher." },
  BAD_HOST_KEY: {
    field: "form",
    words: "This host link is not valid any more. Use the link you got when you created the session.",
  },
  RATE_LIMITED: { field: "form", words: "Too many tries in a short time. Wait a minute, then try again." },
  PROTOCOL_MISMATCH: { field: "form", words: "This page is out of date. Reload it." },
};

/** The server answers a refused join with "CODE: words"; anything else is a network trouble. */
export function joinRefusal(err: unknown): JoinRefusal {
  const message = err instanceof Error ? err.message : typeof err === "string" ? err : "";
  const match = /^([A-Z_]{3,}):\s*(.*)$/s.exec(message);
  if (match) {
    const code = match[1]!;
    const known = WORDS[code];
    return {
      code,
      field: known?.field ?? "form",
      words: known?.words ?? (match[2] || "The server refused to let you in."),
    };
  }
  if (/not found|no rooms? found|invalid room/i.test(message))
    return { code: "UNKNOWN_SESSION", ...WORDS.UNKNOWN_SESSION! };
  return { code: "NETWORK", field: "form", words: "Can't reach the game. Check your Wi-Fi, then try again." };
}

/** Plain words for refusals that come from the transport rather than the rules. */
export function actionWords(code: string, message: string): string {
  if (code === "RATE_LIMITED") return "Slow down a little: too many actions at once. Try again in a second.";
  if (code === "TOO_LARGE") return "That is too long to send. Shorten it.";
  return message || "The server refused that.";
}
