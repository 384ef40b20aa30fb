// Whether a text has something a reader can see. Zero-width and direction
// marks, combining marks alone, and the few blank "letters" (Hangul fillers,
// the braille blank) look like nothing, so a name or a line made only of
// them is refused.

/** Characters that Unicode files as letters or symbols but that draw nothing. */
const BLANK_LETTERS = /[\u115F\u1160\u3164\uFFA0\u2800]/gu;
const SEEN = /[\p{L}\p{N}\p{P}\p{S}]/u;

export function hasVisible(text: string): boolean {
  return SEEN.test(text.replace(BLANK_LETTERS, ""));
}

export const NEEDS_VISIBLE = "must contain a letter, a digit or a sign you can see";
