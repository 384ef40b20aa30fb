// The decision rule a host chooses when hosting (POST /api/sessions
// `{ "decisionRule": "majority", ... }`): it overrides the scenario's own, and
// every screen shows it where people vote.
import { DecisionRule } from "../../shared/scenario.ts";

type Choice = { ok: true; rule: DecisionRule | null } | { ok: false; errors: { path: string; message: string }[] };

/** Takes `decisionRule` out of a request body; null when the host left it to the scenario. */
export function splitDecisionRule(body: unknown): { rest: unknown; choice: Choice } {
  if (typeof body !== "object" || body === null || Array.isArray(body) || !("decisionRule" in body))
    return { rest: body, choice: { ok: true, rule: null } };
  const { decisionRule, ...rest } = body as Record<string, unknown>;
  const parsed = DecisionRule.safeParse(decisionRule);
  return parsed.success
    ? { rest, choice: { ok: true, rule: parsed.data } }
    : {
        rest,
        choice: {
          ok: false,
          errors: [
            { path: "decisionRule", message: `choose one of ${DecisionRule.options.map((o) => `"${o}"`).join(", ")}` },
          ],
        },
      };
}
