// SHA-256 from @noble/hashes rather than node:crypto, so the rules run the same
// in the browser and on the server: a signature names the hash of the text it signed.
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** Hex SHA-256 of the UTF-8 bytes of `text`. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * The version of a frozen instrument: the hash of a canonical serialisation of
 * its title and, in order, each provision's id, card, title, text and tags.
 * Same provisions saying and counting for the same, same version: swapping a
 * provision for an identical text with other tags is a new version, so the
 * signatures on the old one stop counting.
 */
export function versionHash(
  title: string,
  provisions: readonly { id?: string; card?: string | null; title: string; text: string; tags?: readonly string[] }[],
): string {
  return sha256Hex(
    JSON.stringify([
      "accord-instrument-v2",
      title,
      provisions.map((p) => [p.id ?? null, p.card ?? null, p.title, p.text, [...(p.tags ?? [])].sort()]),
    ]),
  );
}
