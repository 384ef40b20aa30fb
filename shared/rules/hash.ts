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
 * its title and its provisions' titles and texts, in order. Same text, same version.
 */
export function versionHash(title: string, provisions: readonly { title: string; text: string }[]): string {
  return sha256Hex(JSON.stringify(["accord-instrument-v1", title, provisions.map((p) => [p.title, p.text])]));
}
