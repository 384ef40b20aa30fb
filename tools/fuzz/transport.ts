// A transport fuzz of the room's message entry: seeded, bounded, 127.0.0.1
// only. Real colyseus.js clients on real sockets: two senders (a delegate
// and a projector) send generated bad messages one after another (every
// message type Colyseus can carry, the reserved "*" and "__..." names,
// bodies of every shape, frames that are not Colyseus messages at all,
// oversized ones), while four watchers (the host, a delegate of the sender's
// own delegation, another delegation, a second projector) listen; well-formed
// actions the rules must refuse to these senders (jobs, declining to sign,
// the debrief's answers) go in among the rest. It passes
// when every message got exactly one coded `error`, both senders are still
// connected, and no watcher heard anything at all.
import { Client, type Room } from "colyseus.js";
import { CLIENT_ACTION_TYPES, REFUSAL_CODES, type ServerMessage } from "../../shared/protocol.ts";
import { LIMITS } from "../../shared/limits.ts";
import { seeded, type Rng } from "../../shared/seeded.ts";

export interface TransportFuzzTarget {
  /** The server's http URL on 127.0.0.1. */
  url: string;
  /** A live session's code and host key. */
  code: string;
  hostKey: string;
  /** Two delegations of the session's scenario (sender and watcher share the first). */
  delegations: [string, string];
  /** The session's state as JSON, to check that nothing changed (the server is in this process). */
  stateOf?: () => Promise<string>;
}

export interface TransportFuzzOptions {
  seed: number;
  count: number;
  /** How long one message may wait for its answer. Default 3 s. */
  timeoutMs?: number;
}

export interface TransportFuzzReport {
  seed: number;
  sent: number;
  /** Answers by error code. */
  codes: Record<string, number>;
  /** Messages by shape. */
  shapes: Record<string, number>;
  failures: string[];
  ms: number;
}

type Message =
  | { shape: string; kind: "send"; type: string | number; body: unknown }
  | { shape: string; kind: "bytes"; type: string | number; bytes: Uint8Array }
  | { shape: string; kind: "frame"; frame: Uint8Array };

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const int = (rng: Rng, n: number) => Math.floor(rng() * n);

const RESERVED_TYPES = ["*", "__no_message_handler", "__anything", "__proto__", "constructor", "toString", "valueOf"];
const KEYS = ["toString", "valueOf", "__proto__", "constructor", "seq", "action", "type", "then", "length", "0", ""];

function randomString(rng: Rng, max: number): string {
  const alphabets = ["abcXYZ019 ", "\u200b\u200e\u202e\ufeff\u3164", "é漢字😀\u0301", "\u0000\u001f\u007f<>&\"'\\"];
  const chars = pick(rng, alphabets);
  return Array.from({ length: int(rng, max + 1) }, () => chars[int(rng, chars.length)]).join("");
}

/** A value of any shape msgpack can carry, nested up to `depth`. */
function randomValue(rng: Rng, depth: number): unknown {
  switch (int(rng, depth > 0 ? 11 : 7)) {
    case 0:
      return null;
    case 1:
      return rng() < 0.5;
    case 2:
      return pick(rng, [0, -1, 1.5, NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 63), 1e308]);
    case 3:
      return randomString(rng, 30);
    case 4:
      return new Uint8Array(Array.from({ length: int(rng, 20) }, () => int(rng, 256)));
    case 5:
      return undefined;
    case 6:
      return int(rng, 2 ** 31);
    case 7:
    case 8:
      return Object.fromEntries(
        Array.from({ length: int(rng, 5) }, () => [pick(rng, KEYS), randomValue(rng, depth - 1)]),
      );
    default:
      return Array.from({ length: int(rng, 5) }, () => randomValue(rng, depth - 1));
  }
}

/** Nested arrays or objects, as deep as fits in a message. */
function deep(rng: Rng): unknown {
  let v: unknown = 1;
  // Deeper than this overflows colyseus.js's own msgpack encoder before anything is sent.
  const levels = 50 + int(rng, 950);
  const asObject = rng() < 0.5;
  for (let i = 0; i < levels; i++) v = asObject ? { toString: v } : [v];
  return v;
}

/**
 * An act body that the protocol must refuse: a real action type whose fields
 * are all of the wrong kind (never strings, so no line is ever said), or no
 * usable action at all. From a delegate or a projector nothing of it is
 * accepted, so nothing may change.
 */
function badAct(rng: Rng): unknown {
  const seq = pick(rng, [1, 2 ** 60, -1, 0.5, "1", null, undefined, { valueOf: 1 }, int(rng, 1000)]);
  const action: Record<string, unknown> = {};
  const fields = ["channel", "text", "provision", "instrument", "amendment", "with", "edit", "version", "card", "vote"];
  for (let i = int(rng, 4); i > 0; i--) {
    let value = randomValue(rng, 2);
    if (typeof value === "string") value = [value];
    action[pick(rng, fields)] = value;
  }
  switch (int(rng, 4)) {
    case 0:
      return { seq, action: { ...action, type: pick(rng, CLIENT_ACTION_TYPES) }, toString: 1 };
    case 1:
      return { seq, action: { ...action, type: randomString(rng, 20) } };
    case 2:
      return { seq, action: randomValue(rng, 2) };
    default:
      return randomValue(rng, 3);
  }
}

/** A message type: reserved names, Object's own names, act, random strings and numbers. */
function messageType(rng: Rng): string | number {
  switch (int(rng, 4)) {
    case 0:
      return pick(rng, RESERVED_TYPES);
    case 1:
      return int(rng, 2 ** 31);
    case 2:
      return randomString(rng, 40) || "x";
    default:
      return "act";
  }
}

/** Colyseus's own framing of a string type: msgpack-like fixstr/str8 as @colyseus/schema encodes it. */
function typeBytes(type: string): number[] {
  const utf8 = [...Buffer.from(type, "utf8")];
  return utf8.length < 32 ? [0xa0 | utf8.length, ...utf8] : [0xd9, utf8.length, ...utf8];
}

/** The seats a well-formed action can name: the sender's own (head of its delegation), a teammate, another delegation's, the host's. */
export interface FuzzSeats {
  own: string;
  teammate: string;
  other: string;
  host: string;
}

/**
 * A well-formed act that the rules must refuse from either sender (the delegate heads its delegation; the
 * projector may do nothing): jobs for seats it may not give one, or jobs that do not exist; declining to sign,
 * answering the debrief and showing the answers before their phase or without being host.
 */
function refusedAct(rng: Rng, seats: FuzzSeats): unknown {
  const action = pick(rng, [
    { type: "seat.job", seat: seats.other, job: pick(rng, ["drafter", "liaison", "analyst", "spokesperson"]) },
    { type: "seat.job", seat: seats.host, job: "drafter" },
    { type: "seat.job", seat: seats.own, job: "analyst" },
    { type: "seat.job", seat: "s9999", job: "liaison" },
    {
      type: "seat.job",
      seat: seats.teammate,
      job: pick(rng, ["head", "juggler", "__proto__", "constructor", "drafter\u0000", "hеad"]),
    },
    { type: "sign.decline", instrument: "code", version: "0".repeat(64) },
    { type: "sign", instrument: "code", version: "abcdef012345" },
    { type: "reflection.answer", question: int(rng, 3), text: "An answer before the debrief" },
    { type: "reflection.show", shown: rng() < 0.5 },
  ]);
  return { seq: 1 + int(rng, 1000), action };
}

export function fuzzMessage(rng: Rng, seats?: FuzzSeats): Message {
  const r = int(rng, 10);
  if (r === 7 && seats) return { shape: "refused", kind: "send", type: "act", body: refusedAct(rng, seats) };
  if (r === 0) {
    // Not a Colyseus message at all: random bytes under any first byte but LEAVE_ROOM (12, the way to leave).
    let first = int(rng, 256);
    if (first === 12) first = 13;
    const rest = Array.from({ length: int(rng, 64) }, () => int(rng, 256));
    return { shape: "frame:random", kind: "frame", frame: new Uint8Array(rng() < 0.05 ? [] : [first, ...rest]) };
  }
  if (r === 1) {
    // ROOM_DATA with a readable type and a body that is not msgpack (or cut short).
    const body = Array.from({ length: 1 + int(rng, 40) }, () =>
      pick(rng, [0xc1, 0xdb, 0xdd, 0xdf, 0xd9, int(rng, 256)]),
    );
    return {
      shape: "frame:bad-msgpack",
      kind: "frame",
      frame: new Uint8Array([13, ...typeBytes(String(messageType(rng))), ...body]),
    };
  }
  if (r === 2)
    return {
      shape: "bytes",
      kind: "bytes",
      type: messageType(rng),
      bytes: new Uint8Array(Array.from({ length: int(rng, 100) }, () => int(rng, 256))),
    };
  if (r === 3)
    return {
      shape: "huge",
      kind: "send",
      type: messageType(rng),
      body: "x".repeat(LIMITS.messageBytes + int(rng, 20_000)),
    };
  if (r === 4) return { shape: "deep", kind: "send", type: messageType(rng), body: deep(rng) };
  if (r <= 6) return { shape: "act", kind: "send", type: "act", body: badAct(rng) };
  return { shape: "any", kind: "send", type: messageType(rng), body: randomValue(rng, 4) };
}

interface Listener {
  room: Room;
  received: ServerMessage[];
  left: number | null;
}

async function join(url: string, code: string, options: Record<string, unknown>): Promise<Listener> {
  const room = await new Client(url).joinById(code, options);
  const l: Listener = { room, received: [], left: null };
  room.onMessage("*", (_type, message: ServerMessage) => l.received.push(message));
  room.onLeave((c) => (l.left = c));
  // Settled once its first view is in.
  const end = Date.now() + 5_000;
  while (!l.received.some((m) => m.type === "view") && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
  return l;
}

function send(sender: Listener, m: Message): void {
  if (m.kind === "send") sender.room.send(m.type, m.body);
  else if (m.kind === "bytes") sender.room.sendBytes(m.type, m.bytes);
  else (sender.room.connection as unknown as { send(data: Uint8Array): void }).send(m.frame);
}

export async function fuzzTransport(
  target: TransportFuzzTarget,
  options: TransportFuzzOptions,
): Promise<TransportFuzzReport> {
  const started = Date.now();
  const rng = seeded(options.seed);
  const timeoutMs = options.timeoutMs ?? 3_000;
  const [mine, other] = target.delegations;
  const senders = [
    await join(target.url, target.code, { name: "Fuzz", delegation: mine }),
    await join(target.url, target.code, { observer: true }),
  ];
  const watchers = [
    await join(target.url, target.code, { hostKey: target.hostKey }),
    await join(target.url, target.code, { name: "Teammate", delegation: mine }),
    await join(target.url, target.code, { name: "Other", delegation: other }),
    await join(target.url, target.code, { observer: true }),
  ];
  // Joins are done (each was told of the ones after it): from here on a watcher must hear nothing.
  await new Promise((r) => setTimeout(r, 100));
  const heard = watchers.map((w) => w.received.length);
  const seatOf = (l: Listener) => (l.received.find((m) => m.type === "welcome") as { seat: string }).seat;
  const seats: FuzzSeats = {
    own: seatOf(senders[0]!),
    teammate: seatOf(watchers[1]!),
    other: seatOf(watchers[2]!),
    host: seatOf(watchers[0]!),
  };
  const before = await target.stateOf?.();
  const report: TransportFuzzReport = { seed: options.seed, sent: 0, codes: {}, shapes: {}, failures: [], ms: 0 };
  const fail = (why: string) => report.failures.push(`seed ${options.seed} #${report.sent}: ${why}`);

  for (let i = 0; i < options.count && report.failures.length === 0; i++) {
    const message = fuzzMessage(rng, seats);
    const sender = pick(rng, senders);
    const from = sender.received.length;
    send(sender, message);
    report.sent++;
    report.shapes[message.shape] = (report.shapes[message.shape] ?? 0) + 1;
    const end = Date.now() + timeoutMs;
    while (sender.received.length === from && sender.left === null && Date.now() < end)
      await new Promise((r) => setImmediate(r));
    const answers = sender.received.slice(from);
    const what = JSON.stringify(message, (_k, v: unknown) =>
      v instanceof Uint8Array
        ? `<${v.length} bytes>`
        : typeof v === "string" && v.length > 80
          ? `${v.slice(0, 80)}…`
          : v,
    );
    if (sender.left !== null) fail(`the sender was disconnected (${sender.left}) by ${what}`);
    else if (answers.length === 0) fail(`no answer within ${timeoutMs} ms to ${what}`);
    else if (answers.length > 1 || answers[0]!.type !== "error") fail(`answered ${JSON.stringify(answers)} to ${what}`);
    else {
      const code = (answers[0] as { code: string }).code;
      if (!(REFUSAL_CODES as readonly string[]).includes(code)) fail(`uncoded answer ${code} to ${what}`);
      // Coded, but it means the server hit a bug of its own.
      if (code === "INTERNAL") fail(`INTERNAL answered to ${what}`);
      report.codes[code] = (report.codes[code] ?? 0) + 1;
    }
  }

  // A last round trip on each sender's socket: any late or extra answer would show up now.
  await new Promise((r) => setTimeout(r, 100));
  watchers.forEach((w, i) => {
    if (w.received.length !== heard[i]) fail(`watcher ${i} heard ${JSON.stringify(w.received.slice(heard[i]))}`);
    if (w.left !== null) fail(`watcher ${i} was disconnected (${w.left})`);
  });
  if (target.stateOf && (await target.stateOf()) !== before) fail("the session's state changed");
  for (const s of senders) if (s.left !== null) fail(`a sender was disconnected (${s.left})`);
  for (const l of [...senders, ...watchers]) await l.room.leave(true).catch(() => {});
  return { ...report, ms: Date.now() - started };
}
