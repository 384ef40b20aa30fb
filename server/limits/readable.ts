// Colyseus closes a client's socket when a message's payload cannot be
// decoded. A student must never be disconnected for bad input, so the room
// checks that a message can be read before Colyseus tries, and answers an
// error instead. Messages are at most 4 KB, so reading twice costs little.
import { decode } from "@colyseus/schema";
import { unpack } from "@colyseus/msgpackr";

/** True when a ROOM_DATA message's type and msgpack payload can both be read. */
export function readable(buffer: Buffer): boolean {
  try {
    const it = { offset: 1 };
    if (decode.stringCheck(buffer, it)) decode.string(buffer, it);
    else decode.number(buffer, it);
    if (!(it.offset <= buffer.byteLength)) return false;
    if (buffer.byteLength > it.offset) unpack(buffer.subarray(it.offset, buffer.byteLength));
    return true;
  } catch {
    return false;
  }
}
