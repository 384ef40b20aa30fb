// A simple compromise amendment: delete the words a delegation's objection is
// about, so the rest of a provision can stand. The tag is what the objector
// said on the floor ("its red line on content control") or, failing that, a
// tag of the provision the proposer itself does not value.
import type { TextEdit } from "../protocol.ts";
import { words } from "../rules/words.ts";

const CONNECTORS = new Set(["and", "or", "that", "which", "including", "such", "with"]);
const stem = (w: string) => w.toLowerCase().replace(/[^a-z]/g, "");
const touches = (word: string, tag: string) =>
  tag
    .split("-")
    .filter((part) => part.length >= 4)
    .some((part) => stem(word).startsWith(part.slice(0, 4)));

/** The word span [from, to) of the clause or phrase that carries the tag, keeping some text; null if none does. */
export function spanAbout(text: string, tag: string): { from: number; to: number } | null {
  const ws = words(text);
  const at = ws.findIndex((w) => touches(w, tag));
  if (at < 0) return null;
  const ends = (i: number) => /[.,;:]$/.test(ws[i] ?? "");
  let from = at;
  while (from > 0 && !ends(from - 1)) from--;
  let to = at;
  while (to < ws.length - 1 && !ends(to)) to++;
  to++;
  if (from > 0 || to < ws.length) return { from, to };
  // One clause only: cut from the nearest connector before the word to the end.
  let cut = at;
  while (cut > 0 && !CONNECTORS.has(stem(ws[cut]!))) cut--;
  return cut > 0 ? { from: cut, to: ws.length } : null;
}

export function deletionAbout(text: string, tag: string): TextEdit | null {
  const span = spanAbout(text, tag);
  return span ? { kind: "delete", from: span.from, to: span.to } : null;
}
