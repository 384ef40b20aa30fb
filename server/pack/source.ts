// What every document of the teacher's pack is built from: a scenario (a
// built-in one from the home page, or a session's own, uploaded ones
// included) and, for a session, its code, links and lesson. Role sheets are
// built only from a session, for its host (see router.ts and docs/security.md).
import type { Lesson } from "../../shared/presets.ts";
import type { PhasePlanEntry, Scenario } from "../../shared/scenario.ts";

export interface PackSession {
  code: string;
  /** The link students open (…/j/CODE). */
  joinUrl: string;
  /** The session's own plan (the preset chosen when hosting, with the teacher's minutes). */
  phases: readonly PhasePlanEntry[];
  lesson: Lesson;
}

export interface PackSource {
  scenario: Scenario;
  /** The server's home page, where students type a code. */
  homeUrl: string;
  /** Present when the pack is printed from a session's console. */
  session?: PackSession;
}

/** The documents anyone may read (nothing secret in them) and the secret one. */
export const PUBLIC_DOCS = ["plan", "questions", "rubric", "handout"] as const;
export type PublicDoc = (typeof PUBLIC_DOCS)[number];
export type PackDoc = PublicDoc | "roles";

export const DOC_TITLES: Record<PackDoc, string> = {
  plan: "Lesson plans",
  questions: "Discussion questions",
  rubric: "Rubric",
  handout: "Student handout",
  roles: "Confidential role sheets",
};

export const isPublicDoc = (s: string): s is PublicDoc => (PUBLIC_DOCS as readonly string[]).includes(s);
