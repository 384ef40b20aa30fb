// The door every WebSocket frame passes before Colyseus reads it. Colyseus
// closes a client's socket when it cannot decode a frame, and ignores frames
// it does not know; a student must never be disconnected for bad input, and
// every message gets an answer. So each frame from a joined client is
// checked here first (rate, size, can it be read) and anything that fails is
// answered with a coded `error` on the same socket, never passed on.
//
// It plugs in through ws's documented `WebSocket` server option (a subclass
// of ws's WebSocket), which Colyseus's WebSocketTransport passes through: no
// Colyseus internals. Frames over the transport cap (`maxPayload`) never get
// here: ws closes those sockets with 1009 (Message Too Big).
import { WebSocket } from "ws";
import { Protocol, getMessageBytes } from "colyseus";
import { LIMITS } from "../../shared/limits.ts";
import type { RefusalCode, ServerMessage } from "../../shared/protocol.ts";
import { TokenBucket, type RateSettings } from "../limits/rate.ts";
import { decode } from "@colyseus/schema";
import { unpack } from "@colyseus/msgpackr";
import { ACT } from "../../shared/message-types.ts";
import { looseNumbering } from "./numbering.ts";

/** Largest frame the transport takes at all; bigger ones close the socket with 1009. */
export const TRANSPORT_MAX_PAYLOAD = 64 * 1024;
/** The close code ws uses for a frame over TRANSPORT_MAX_PAYLOAD. */
export const CLOSE_TOO_BIG = 1009;

interface GateSettings {
  rate: RateSettings;
  now(): number;
}

type Refusal = { code: RefusalCode; message: string; seq?: number; action?: string };

const UNREADABLE: Refusal = {
  code: "BAD_MESSAGE",
  message: "The server could not read that message: it is not in the game's format.",
};

/** What the gate says about one frame: null lets it through to Colyseus. */
export function checkFrame(
  data: unknown,
  state: { joinAcked: boolean; bucket: TokenBucket },
  now: number,
): Refusal | null {
  if (!Buffer.isBuffer(data) || data.byteLength === 0) return UNREADABLE;
  const code = data[0];
  if (code === Protocol.LEAVE_ROOM) return null;
  if (code === Protocol.JOIN_ROOM) {
    // The client confirms its join once; Colyseus ignores any later one without a word.
    if (state.joinAcked) return UNREADABLE;
    state.joinAcked = true;
    return null;
  }
  if (!state.bucket.take(now)) {
    // Named by its number when it is a readable act, so the page can tell which of its actions waits.
    const { seq, actionType } = data.byteLength <= LIMITS.messageBytes ? looseNumbering(actBody(data)) : {};
    return {
      code: "RATE_LIMITED",
      message: "Slow down: too many actions at once. Wait a moment and try again.",
      ...(seq !== undefined ? { seq } : {}),
      ...(actionType !== undefined ? { action: actionType } : {}),
    };
  }
  if (data.byteLength > LIMITS.messageBytes)
    return { code: "TOO_LARGE", message: `That message is too large (at most ${LIMITS.messageBytes} bytes).` };
  if (code !== Protocol.ROOM_DATA && code !== Protocol.ROOM_DATA_BYTES) return UNREADABLE;
  if (!readable(data, code === Protocol.ROOM_DATA)) return UNREADABLE;
  return null;
}

/**
 * Whether Colyseus can read a data frame's type, and (for ROOM_DATA) its
 * msgpack body, the way it will: same decoders. Frames are at most 4 KB here,
 * so reading twice costs little.
 */
function readable(buffer: Buffer, withBody: boolean): boolean {
  try {
    const it = { offset: 1 };
    if (decode.stringCheck(buffer, it)) {
      // Checked first: @colyseus/schema logs every invalid UTF-8 byte, which would let a client flood the log.
      const end = stringEnd(buffer);
      if (end === null || !utf8(buffer.subarray(end.start, end.end))) return false;
      decode.string(buffer, it);
    } else decode.number(buffer, it);
    if (!(it.offset <= buffer.byteLength)) return false;
    if (withBody && buffer.byteLength > it.offset) unpack(buffer.subarray(it.offset, buffer.byteLength));
    return true;
  } catch {
    return false;
  }
}

/** The body of a readable `act` frame; undefined for anything else. */
function actBody(buffer: Buffer): unknown {
  if (buffer[0] !== Protocol.ROOM_DATA || !readable(buffer, true)) return undefined;
  const it = { offset: 1 };
  if (!decode.stringCheck(buffer, it) || decode.string(buffer, it) !== ACT || buffer.byteLength <= it.offset)
    return undefined;
  return unpack(buffer.subarray(it.offset, buffer.byteLength));
}

/** Where a message type's string lies: msgpack fixstr / str8 / str16 / str32, lengths little-endian as Colyseus writes them. */
function stringEnd(buffer: Buffer): { start: number; end: number } | null {
  const prefix = buffer[1]!;
  let start: number;
  let length: number;
  if ((prefix & 0xe0) === 0xa0) [start, length] = [2, prefix & 0x1f];
  else if (prefix === 0xd9 && buffer.length >= 3) [start, length] = [3, buffer[2]!];
  else if (prefix === 0xda && buffer.length >= 4) [start, length] = [4, buffer.readUInt16LE(2)];
  else if (prefix === 0xdb && buffer.length >= 6) [start, length] = [6, buffer.readUInt32LE(2)];
  else return null;
  return start + length <= buffer.length ? { start, end: start + length } : null;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
function utf8(bytes: Buffer): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A ws WebSocket class whose incoming frames pass the gate; pass it as the transport's `WebSocket` option. */
export function gatedWebSocket(settings: GateSettings): typeof WebSocket {
  return class GatedWebSocket extends WebSocket {
    private gate: { joinAcked: boolean; bucket: TokenBucket } | undefined;

    override emit(event: string | symbol, ...args: unknown[]): boolean {
      // Only once a room listens (the client has joined): before that Colyseus reads nothing.
      if (event === "message" && this.listenerCount("message") > 0) {
        const now = settings.now();
        this.gate ??= { joinAcked: false, bucket: new TokenBucket(settings.rate, now) };
        const refusal = checkFrame(args[0], this.gate, now);
        if (refusal) {
          const message: ServerMessage = { type: "error", ...refusal };
          if (this.readyState === WebSocket.OPEN) this.send(getMessageBytes.raw(Protocol.ROOM_DATA, "error", message));
          return true;
        }
      }
      return super.emit(event, ...args);
    }
  };
}
