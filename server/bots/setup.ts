// The computer part of a new session's request: `"computer": [delegation ids]`
// (or "others" with `"practise"`), a difficulty, and whether the computer
// chairs. Read apart from the scenario so a scenario document is never
// confused with these options; turned into the host actions that do it.
import type { ClientAction } from "../../shared/protocol.ts";
import type { Scenario } from "../../shared/scenario.ts";
import { Difficulty } from "../../shared/bots/difficulty.ts";

const COMPUTER_KEYS = ["computer", "difficulty", "chair", "practise"] as const;

interface ComputerRequest {
  computer?: unknown;
  difficulty?: unknown;
  chair?: unknown;
  /** Practice alone: the participant's delegation; every other one is played by the computer, which also chairs. */
  practise?: unknown;
}

type Problem = { path: string; message: string };

/** Splits the computer options off a POST /api/sessions body. */
export function splitComputerRequest(body: unknown): { rest: unknown; request: ComputerRequest | null } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { rest: body, request: null };
  const entries = Object.entries(body);
  if (!entries.some(([k]) => (COMPUTER_KEYS as readonly string[]).includes(k))) return { rest: body, request: null };
  const request = Object.fromEntries(entries.filter(([k]) => (COMPUTER_KEYS as readonly string[]).includes(k)));
  const rest = Object.fromEntries(entries.filter(([k]) => !(COMPUTER_KEYS as readonly string[]).includes(k)));
  return { rest, request };
}

/** The host actions the request asks for, or every problem with it. */
export function computerActions(
  request: ComputerRequest,
  scenario: Scenario,
): { ok: true; actions: ClientAction[] } | { ok: false; errors: Problem[] } {
  const errors: Problem[] = [];
  const ids = scenario.delegations.map((d) => d.id);
  const difficulty = Difficulty.safeParse(request.difficulty ?? "firm");
  if (!difficulty.success)
    errors.push({ path: "difficulty", message: `choose one of ${Difficulty.options.map((o) => `"${o}"`).join(", ")}` });
  let computer: string[] = [];
  let chair = request.chair === true;
  if (request.chair !== undefined && typeof request.chair !== "boolean")
    errors.push({ path: "chair", message: "true or false" });
  if (request.practise !== undefined) {
    if (typeof request.practise !== "string" || !ids.includes(request.practise))
      errors.push({ path: "practise", message: `name the delegation you will play: one of ${ids.join(", ")}` });
    else computer = ids.filter((d) => d !== request.practise);
    chair = request.chair !== false;
  }
  if (request.computer !== undefined) {
    if (!Array.isArray(request.computer)) errors.push({ path: "computer", message: "a list of delegation ids" });
    else
      request.computer.forEach((d, i) => {
        if (typeof d !== "string" || !ids.includes(d))
          errors.push({
            path: `computer.${i}`,
            message: `no delegation has the id "${String(d)}" (${ids.join(", ")})`,
          });
        else if (!computer.includes(d)) computer.push(d);
      });
  }
  if (errors.length > 0 || !difficulty.success) return { ok: false, errors };
  const actions: ClientAction[] = computer.map((delegation) => ({
    type: "computer.on",
    delegation,
    difficulty: difficulty.data,
  }));
  if (chair) actions.push({ type: "chair.auto", on: true });
  return { ok: true, actions };
}
