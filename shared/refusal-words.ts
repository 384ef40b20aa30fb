// The words a student reads when a join is refused, in one place: the server
// sends them after the code ("NAME_TAKEN: words") and the join page shows them
// next to the field they concern. A code without an entry keeps the words its
// refusal was made with. Free of zod, so the join page can import it.
import type { RefusalCode } from "./protocol.ts";

export const JOIN_WORDS: Readonly<Partial<Record<RefusalCode, string>>> = {
  UNKNOWN_SESSION: "That code doesn't match a session — check the board.",
  LOCKED: "The teacher has locked this session. Ask them to unlock it.",
  SESSION_FULL: "This session is full. Ask your teacher.",
  SESSION_ENDED: "This session has ended.",
  NAME_TAKEN: "This name is taken in this session — add an initial.",
  NAME_NOT_ALLOWED:
    "That name can't be used here. Pick another, or if it is your real name, add your family name or an initial.",
  UNKNOWN_DELEGATION: "That delegation is not in this session. Pick another one.",
  UNKNOWN_SEAT: "That rejoin code doesn't match a seat. Ask your teacher to read it again.",
  SEAT_TAKEN: "Someone is already sitting in that seat. Ask your teacher.",
  BAD_HOST_KEY: "This host link is not valid any more. Use the link you got when you created the session.",
  RATE_LIMITED: "Too many wrong tries from this network. Wait a few minutes, then try again, or ask your teacher.",
  PROTOCOL_MISMATCH: "This page is out of date. Reload it.",
};

/** What a refused join says on the wire: "CODE: words". */
export const joinRefusalText = (code: RefusalCode, fallback: string): string =>
  `${code}: ${JOIN_WORDS[code] ?? fallback}`;
