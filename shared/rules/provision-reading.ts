// Reading a provision: its current text and version, and whether it is
// bracketed. Types only, no schemas: the rules and the browser share it.
import type { Provision } from "../state.ts";

export const currentText = (provision: Provision): string =>
  provision.versions[provision.versions.length - 1]?.text ?? "";
export const currentVersion = (provision: Provision): number =>
  provision.versions[provision.versions.length - 1]?.version ?? 1;

/** Under every decision rule an objection brackets the text, until a vote of the heads keeps it. */
export function isBracketed(provision: Provision): boolean {
  return (
    provision.status === "tabled" &&
    Object.values(provision.stances).includes("objection") &&
    provision.resolution !== "kept-by-vote"
  );
}
