// Validation of one scenario document, without touching the file system, so
// the server (an uploaded file) and the CLI (files on disk) give the same
// answer. Nothing is returned unless the whole document is valid.
import type { z } from "zod";
import { Scenario } from "../shared/scenario.ts";
import { balance } from "./balance.ts";
import { crossReferenceErrors } from "./cross-check.ts";
import { pathString, type ScenarioError } from "./errors.ts";
import { quoteErrors } from "./quotes.ts";
import { unknownFieldErrors } from "./unknown-fields.ts";

export type ScenarioCheck = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

export type ValidateOptions = {
  /** The source article's text: when given, every `quote` must appear in it word for word. */
  sourceText?: string | null;
  /** Whether the scoring's balance properties are checked too (default: yes; the balance tool reports them itself). */
  balance?: boolean;
};

/** The key that points editors at content/scenario.schema.json; allowed at the top and dropped. */
const EDITOR_KEYS = ["$schema"];

// zod's default for a missing field reads "expected string, received undefined":
// say plainly that it is missing instead.
const KINDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list [...]",
  object: "a group of fields {...}",
};
const friendlier: z.core.$ZodErrorMap = (iss) =>
  iss.code === "invalid_type" && iss.input === undefined
    ? `missing: add this field (${KINDS[iss.expected] ?? iss.expected})`
    : undefined;

export function validateScenario(doc: unknown, opts: ValidateOptions = {}): ScenarioCheck {
  const errors: ScenarioError[] = [];
  const seen = new Set<string>();
  const add = (path: (string | number | symbol)[], message: string) => {
    const e = { path: pathString(path), message };
    const key = `${e.path}\u0000${e.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    errors.push(e);
  };

  let body = doc;
  if (typeof doc === "object" && doc !== null && !Array.isArray(doc) && "$schema" in doc) {
    const { $schema, ...rest } = doc as Record<string, unknown>;
    if (typeof $schema !== "string") add(["$schema"], "must be text: the path to scenario.schema.json");
    body = rest;
  }

  const parsed = Scenario.safeParse(body, { error: friendlier });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) add(issue.path, issue.message);
    // The schema's cross-checks only run on a document that is otherwise well formed.
    for (const e of crossReferenceErrors(body)) add(e.path, e.message);
  }
  for (const e of unknownFieldErrors(Scenario, body, EDITOR_KEYS)) add(e.path, e.message);
  if (opts.sourceText != null) for (const e of quoteErrors(body, opts.sourceText)) add(e.path, e.message);

  // A scenario that cannot teach the lesson is refused, with the balance tool's reasons.
  if (parsed.success && opts.balance !== false) for (const e of balance(parsed.data).failures) errors.push(e);
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, scenario: parsed.data };
}
