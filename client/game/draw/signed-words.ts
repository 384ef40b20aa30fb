// Whether a delegation has signed the frozen texts it may sign, in a few
// words for a seat's label: the projector's table and a phone's strip.
import type { SessionView } from "../../../shared/view.ts";

export function signedWords(view: SessionView, delegation: string, short = false): string | null {
  const frozen = view.instruments.filter((i) => i.frozen && (i.parties === null || i.parties.includes(delegation)));
  if (frozen.length === 0) return null;
  const signed = frozen.filter((i) =>
    view.signatures.some(
      (s) => s.instrument === i.id && s.delegation === delegation && s.version === i.frozen!.version,
    ),
  );
  const declined = frozen.some((i) =>
    (view.declines ?? []).some(
      (d) => d.instrument === i.id && d.delegation === delegation && d.version === i.frozen!.version,
    ),
  );
  if (signed.length === frozen.length) return "✍ signed";
  if (signed.length) return `✍ ${signed.length} of ${frozen.length}`;
  if (declined) return short ? "declined" : "✗ declined, for now";
  return "not yet";
}
