// Every secret the server mints, and the one way it checks them. Raw secrets
// (host key, seat tokens) go to their owner once; the state keeps only their
// SHA-256, compared in constant time. `holdsHostKey` is the only place that
// decides whether someone is the host: the join, the delete and the exports
// all ask it.
import { createHash, randomInt, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { CODE_ALPHABET, REJOIN_CODE_LENGTH, SESSION_CODE_LENGTH } from "../shared/ids.ts";
import type { SessionState } from "../shared/state.ts";

export const sha256Hex = (secret: string): string => createHash("sha256").update(secret, "utf8").digest("hex");

/** 128 random bits, base64url: a host key or a seat token. */
export const mintSecret = (): string => randomBytes(16).toString("base64url");

const fromAlphabet = (length: number): string =>
  Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");

export const mintSessionCode = (): string => fromAlphabet(SESSION_CODE_LENGTH);
export const mintRejoinCode = (): string => fromAlphabet(REJOIN_CODE_LENGTH);

/** Fresh secrets for a seat: the raw token for its client, the hash for the journal and the state. */
export function mintSeatSecrets(): { token: string; fresh: { tokenHash: string; rejoinCode: string } } {
  const token = mintSecret();
  return { token, fresh: { tokenHash: sha256Hex(token), rejoinCode: mintRejoinCode() } };
}

/** Whether `secret` hashes to `expectedHash`, in time that does not depend on where they differ. */
function secretMatches(secret: string, expectedHash: string): boolean {
  const actual = Buffer.from(sha256Hex(secret), "hex");
  const expected = Buffer.from(expectedHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// Host keys are 22 characters; anything far longer is not one and is not worth hashing.
const MAX_KEY_CHARS = 256;

/** Whether `key` is this session's host key: the seat whose role is host, its token hash compared in constant time. */
export function holdsHostKey(state: SessionState, key: unknown): boolean {
  if (typeof key !== "string" || key.length === 0 || key.length > MAX_KEY_CHARS) return false;
  const host = state.seats.find((s) => s.role === "host");
  return host !== undefined && secretMatches(key, host.token);
}

/** Whether `key` hashes to `expectedHash` (a class's host key), in constant time; false for anything not a key. */
export function secretMatchesHash(key: unknown, expectedHash: string): boolean {
  if (typeof key !== "string" || key.length === 0 || key.length > MAX_KEY_CHARS) return false;
  return secretMatches(key, expectedHash);
}

/**
 * The host key an HTTP request presents: `Authorization: Bearer <key>`, or `?key=<key>` for links a
 * browser opens (an export). Null when there is none.
 */
export function presentedHostKey(req: Pick<IncomingMessage, "headers" | "url">): string | null {
  const auth = req.headers.authorization;
  const bearer = typeof auth === "string" ? /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1] : undefined;
  if (bearer) return bearer;
  const query = (req.url ?? "").split("?")[1];
  if (!query) return null;
  const key = new URLSearchParams(query).get("key");
  return key ? key : null;
}
