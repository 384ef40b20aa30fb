// Provision text is handled as words: whitespace-separated tokens re-joined
// with single spaces. Amendments, word diffs and authorship all count in words.
import type { TextEdit } from "../protocol.ts";

export const words = (text: string): string[] => text.split(/\s+/).filter((w) => w.length > 0);

/** The span of words an edit touches in the text it was written against: [from, to). */
export function spanOf(edit: TextEdit): { from: number; to: number } {
  return edit.kind === "insert" ? { from: edit.at, to: edit.at } : { from: edit.from, to: edit.to };
}

/** Whether an edit fits a text of `n` words. */
export function editFits(edit: TextEdit, n: number): boolean {
  if (edit.kind === "insert") return Number.isInteger(edit.at) && edit.at >= 0 && edit.at <= n;
  return (
    Number.isInteger(edit.from) && Number.isInteger(edit.to) && edit.from >= 0 && edit.from < edit.to && edit.to <= n
  );
}

/**
 * Applies an edit to a list of items (words, or their authors), putting
 * `inserted` where new words go. Returns null when the edit does not fit.
 */
export function spliceEdit<T>(items: readonly T[], edit: TextEdit, inserted: readonly T[]): T[] | null {
  if (!editFits(edit, items.length)) return null;
  const { from, to } = spanOf(edit);
  return [...items.slice(0, from), ...(edit.kind === "delete" ? [] : inserted), ...items.slice(to)];
}

/** The text an edit makes of `text`, or null when the edit does not fit its words. */
export function applyEdit(text: string, edit: TextEdit): string | null {
  const added = edit.kind === "delete" ? [] : words(edit.text);
  return spliceEdit(words(text), edit, added)?.join(" ") ?? null;
}

export type DiffPart = { op: "same" | "add" | "del"; text: string };

/** A word diff (longest common subsequence), with runs of the same kind merged. */
export function wordDiff(oldText: string, newText: string): DiffPart[] {
  const a = words(oldText);
  const b = words(newText);
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    const row = lcs[i]!;
    const below = lcs[i + 1]!;
    for (let j = b.length - 1; j >= 0; j--)
      row[j] = a[i] === b[j] ? below[j + 1]! + 1 : Math.max(below[j]!, row[j + 1]!);
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart["op"], word: string) => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += ` ${word}`;
    else parts.push({ op, text: word });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push("same", a[i]!);
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      push("del", a[i]!);
      i++;
    } else {
      push("add", b[j]!);
      j++;
    }
  }
  return parts;
}

/** The one edit (over the words between the common prefix and suffix) that turns one text into the other; null if they are the same words. */
export function editFromTexts(oldText: string, newText: string): TextEdit | null {
  const a = words(oldText);
  const b = words(newText);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++;
  const removed = a.length - prefix - suffix;
  const added = b.slice(prefix, b.length - suffix).join(" ");
  if (removed === 0 && added === "") return null;
  if (removed === 0) return { kind: "insert", at: prefix, text: added };
  if (added === "") return { kind: "delete", from: prefix, to: prefix + removed };
  return { kind: "replace", from: prefix, to: prefix + removed, text: added };
}
