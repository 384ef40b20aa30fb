// Refused joins reach colyseus.js as a ServerError: the refusal code's fixed
// number (JOIN_ERROR_CODES in shared/protocol.ts, 4400 and up, clear of
// Colyseus's own 42xx codes) and "CODE: plain words", so a client can show
// the words and branch on the code.
import { ServerError } from "colyseus";
import { joinErrorCode, type RefusalCode } from "../../shared/protocol.ts";
import { joinRefusalText } from "../../shared/refusal-words.ts";

export function joinError(code: RefusalCode, message: string): ServerError {
  return new ServerError(joinErrorCode(code), joinRefusalText(code, message));
}
