// Plain words for the server's notices to one device, for a student of twelve.
import type { ServerMessageOf } from "../../shared/protocol.ts";

const WORDS: Partial<Record<ServerMessageOf<"notice">["kind"], string>> = {
  kicked: "Your teacher removed you from this session. If that was a mistake, ask your teacher, then join again.",
  "seat-handed":
    "Your teacher gave your seat to someone else, so this device has left the session. Ask your teacher if you still need a seat.",
  "seat-taken-over": "Your seat was opened on another device, so this one has left it.",
};

export const noticeWords = (n: ServerMessageOf<"notice">): string => WORDS[n.kind] ?? n.message;
