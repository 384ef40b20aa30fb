// Every secret the server mints, and the one way it compares them. Raw secrets
// (host key, seat tokens) go to their owner once; the state keeps only their
// SHA-256, compared in constant time.
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { CODE_ALPHABET } from "../shared/ids.ts";

export const sha256Hex = (secret: string): string => createHash("sha256").update(secret, "utf8").digest("hex");

/** 128 random bits, base64url: a host key or a seat token. */
export const mintSecret = (): string => randomBytes(16).toString("base64url");

const fromAlphabet = (length: number): string =>
  Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");

export const mintSessionCode = (): string => fromAlphabet(6);
export const mintRejoinCode = (): string => fromAlphabet(4);

/** Fresh secrets for a seat: the raw token for its client, the hash for the journal and the state. */
export function mintSeatSecrets(): { token: string; fresh: { tokenHash: string; rejoinCode: string } } {
  const token = mintSecret();
  return { token, fresh: { tokenHash: sha256Hex(token), rejoinCode: mintRejoinCode() } };
}

/** Whether `secret` hashes to `expectedHash`, in time that does not depend on where they differ. */
export function secretMatches(secret: string, expectedHash: string): boolean {
  const actual = Buffer.from(sha256Hex(secret), "hex");
  const expected = Buffer.from(expectedHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
