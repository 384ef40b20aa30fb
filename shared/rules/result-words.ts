// A delegation's result in words, against its own walk-away and maximum: the
// debrief compares each delegation with its own alternative, never with the
// others (their scales differ). Pure: the debrief screen and the exports share it.
import type { DelegationScore } from "../state.ts";

const tagWords = (tag: string) => tag.replace(/-/g, " ");

/** "China beat its alternative by 6 of a possible 28." and the like. */
export function resultWords(name: string, s: DelegationScore): string {
  const possible = Math.max(0, s.maximum - s.walkAway);
  if (s.redLinesCrossed.length > 0) {
    const lines = [...new Set(s.redLinesCrossed.map((r) => tagWords(r.tag)))].join(", ");
    return `${name} signed across its red line (${lines}): it ended ${s.walkAway - s.score} below its alternative, at ${s.score} against a walk-away of ${s.walkAway}.`;
  }
  if (!s.signedCode) {
    const code = s.codeValue === null ? "no shared code was agreed" : "it did not sign a shared code that counts";
    return `${name} kept its alternative (${s.walkAway}): ${code}, so it gained nothing of a possible ${possible}.`;
  }
  if (s.outcome === "above")
    return `${name} beat its alternative by ${s.score - s.walkAway} of a possible ${possible}.`;
  if (s.outcome === "at")
    return `${name} did exactly as well as its alternative (${s.walkAway}): the code it signed gained it nothing of a possible ${possible}.`;
  return `${name} ended ${s.walkAway - s.score} below its alternative: it signed a code worth ${s.score} to it, against a walk-away of ${s.walkAway}.`;
}
