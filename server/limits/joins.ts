// The limits on guessing the doors into a session, designed so that they never
// lock a class out (docs/security.md has the reasoning and the arithmetic):
//
// - Wrong session codes are counted per network address, with a budget a whole
//   class mistyping behind one school address stays far under. Past it, the
//   address may still reach every session it has already reached (a code it
//   knows is no secret to it), so a hammering classmate does not stop the
//   class; only codes new to the address are refused, right or wrong, so the
//   refusal tells a guesser nothing.
// - Wrong rejoin codes are counted per session and address, with a small
//   budget: past it, rejoin codes into that session from that address wait.
//   Joining by name, the host key and seat tokens are never refused by any
//   counter: keys and tokens are 128 random bits, beyond guessing at any rate.
import { WindowCounter } from "./rate.ts";
import { limitKey } from "./ip.ts";

export interface JoinLimitSettings {
  /** Wrong session codes (joins and look-ups) one address may try per window. */
  wrongSessionCodes: number;
  /** Wrong rejoin codes one address may try in one session per window. */
  wrongRejoinCodes: number;
  windowMs: number;
}

export const DEFAULT_JOIN_LIMITS: JoinLimitSettings = {
  wrongSessionCodes: 200,
  wrongRejoinCodes: 10,
  windowMs: 10 * 60_000,
};

// How long an address is remembered to know a session's code: longer than any lesson.
const KNOWN_FOR_MS = 12 * 60 * 60_000;
const KNOWN_PER_ADDRESS = 64;
const KNOWN_ADDRESSES = 20_000;

export class JoinLimits {
  readonly settings: JoinLimitSettings;
  private readonly wrongCodes: WindowCounter;
  private readonly wrongRejoins: WindowCounter;
  /** Address → session code → when the address last reached that session. */
  private readonly known = new Map<string, Map<string, number>>();

  constructor(settings: Partial<JoinLimitSettings> = {}) {
    this.settings = { ...DEFAULT_JOIN_LIMITS, ...settings };
    this.wrongCodes = new WindowCounter(this.settings.wrongSessionCodes, this.settings.windowMs);
    this.wrongRejoins = new WindowCounter(this.settings.wrongRejoinCodes, this.settings.windowMs);
  }

  /** Whether this address may try this session code now (null: a code that is not even well formed). */
  maySeekSession(address: string, code: string | null, now: number): boolean {
    const ip = limitKey(address);
    if (!this.wrongCodes.blocked(ip, now)) return true;
    return code !== null && this.knows(ip, code, now);
  }

  wrongSessionCode(address: string, now: number): void {
    this.wrongCodes.count(limitKey(address), now);
  }

  /** The address reached this session with its code (a join or a look-up that found it). */
  reached(address: string, code: string, now: number): void {
    const ip = limitKey(address);
    let codes = this.known.get(ip);
    if (!codes) {
      if (this.known.size >= KNOWN_ADDRESSES) this.forgetOld(now);
      codes = new Map();
      this.known.set(ip, codes);
    }
    codes.delete(code);
    codes.set(code, now);
    // Oldest first in a Map: keep the most recent few.
    while (codes.size > KNOWN_PER_ADDRESS) codes.delete(codes.keys().next().value!);
  }

  mayTryRejoin(session: string, address: string, now: number): boolean {
    return !this.wrongRejoins.blocked(`${session} ${limitKey(address)}`, now);
  }

  wrongRejoinCode(session: string, address: string, now: number): void {
    this.wrongRejoins.count(`${session} ${limitKey(address)}`, now);
  }

  private knows(ip: string, code: string, now: number): boolean {
    const at = this.known.get(ip)?.get(code);
    return at !== undefined && now - at < KNOWN_FOR_MS;
  }

  private forgetOld(now: number): void {
    for (const [ip, codes] of this.known) {
      for (const [code, at] of codes) if (now - at >= KNOWN_FOR_MS) codes.delete(code);
      if (codes.size === 0) this.known.delete(ip);
    }
    // Still full (an address flood): drop the oldest half rather than grow without end.
    if (this.known.size >= KNOWN_ADDRESSES) {
      let drop = Math.floor(this.known.size / 2);
      for (const ip of this.known.keys()) {
        if (drop-- <= 0) break;
        this.known.delete(ip);
      }
    }
  }
}
