// Scenario files on disk: read, parse, validate, list, and find the source
// article that quotes are checked against. Node only (the browser never loads
// files); the pure checks live in validate.ts.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { LIMITS } from "../shared/limits.ts";
import type { Scenario } from "../shared/scenario.ts";
import { formatError } from "./errors.ts";
import { validateScenario, type ScenarioCheck, type ValidateOptions } from "./validate.ts";

export { validateScenario, formatError, type ScenarioCheck, type ValidateOptions };

const CONTENT_DIR = dirname(fileURLToPath(import.meta.url));
export const SCENARIO_DIR = join(CONTENT_DIR, "scenarios");
export const DEFAULT_SCENARIO_FILE = join(SCENARIO_DIR, "cyber-code.json");

const fileError = (message: string): ScenarioCheck => ({ ok: false, errors: [{ path: "(file)", message }] });

/** Reads, parses and validates one scenario file. A file that cannot be read or is not JSON gets an error at `(file)`. */
export function loadScenarioFile(file: string, opts: ValidateOptions = {}): ScenarioCheck {
  let raw: Buffer;
  try {
    if (statSync(file).size > LIMITS.scenarioBytes)
      return fileError(`the file is larger than ${LIMITS.scenarioBytes / 1024} KB, the most a scenario may be`);
    raw = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fileError(
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "this is a folder, not a file"
          : `cannot read the file (${code ?? "error"})`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(raw.toString("utf8").replace(/^\uFEFF/, ""));
  } catch (err) {
    return fileError(`not valid JSON: ${(err as Error).message}`);
  }
  return validateScenario(doc, opts);
}

/**
 * The text of every `.txt` file in a folder, in name order, or null if there is none.
 * Files are joined with a NUL, which is not whitespace, so no quote can match across two files.
 */
export function readSourceDir(dir: string): string | null {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith(".txt"))
      .sort();
  } catch {
    return null;
  }
  if (names.length === 0) return null;
  return names.map((n) => readFileSync(join(dir, n), "utf8")).join("\n\u0000\n");
}

/**
 * The folder the source article is read from: $ACCORD_SOURCE_DIR, or null when it is not set.
 * The article is not part of the repository (it is the publisher's text), so nothing may assume it is there.
 */
export const sourceDir = (): string | null => process.env.ACCORD_SOURCE_DIR || null;

/** The source article's text, or null if it is not on this machine. */
export const findSourceText = (): string | null => {
  const dir = sourceDir();
  return dir === null ? null : readSourceDir(dir);
};

export type ScenarioListing = {
  id: string;
  title: string;
  summary: string;
  delegations: { id: string; name: string; emblem: string }[];
  file: string;
  phases: Scenario["phases"];
};

/** The valid scenarios in a folder, by file name; invalid files are left out (the check command names their errors). */
export function listScenarios(dir: string = SCENARIO_DIR): ScenarioListing[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith(".json"))
    .sort()
    .flatMap((n) => {
      const file = join(dir, n);
      const result = loadScenarioFile(file);
      return result.ok
        ? [
            {
              id: result.scenario.id,
              title: result.scenario.title,
              summary: result.scenario.summary,
              delegations: result.scenario.delegations.map(({ id, name, emblem }) => ({ id, name, emblem })),
              file,
              phases: result.scenario.phases,
            },
          ]
        : [];
    });
}

let cachedDefault: Scenario | undefined;

/** The default scenario (the article's), parsed with its defaults filled in. A fresh copy each call: callers may mutate it. */
export function defaultScenario(): Scenario {
  if (!cachedDefault) {
    const result = loadScenarioFile(DEFAULT_SCENARIO_FILE);
    if (!result.ok) {
      const name = basename(DEFAULT_SCENARIO_FILE);
      throw new Error(`The default scenario is invalid:\n${result.errors.map((e) => formatError(name, e)).join("\n")}`);
    }
    cachedDefault = result.scenario;
  }
  return structuredClone(cachedDefault);
}
