// The JSON Schema that editors (VS Code and others) use to check a teacher's
// scenario as they type. Generated from the zod schema so the two cannot drift;
// the cross-checks (a brief naming a card that exists, phases in order, quotes)
// cannot be expressed in JSON Schema and are left to `npm run content:check`.
import { z } from "zod";
import { Scenario } from "../shared/scenario.ts";

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, {
    io: "input",
    override: (ctx) => {
      // The loader refuses unknown fields (a misspelt one would be lost), so editors flag them too.
      if (ctx.zodSchema._zod.def.type === "object") ctx.jsonSchema.additionalProperties = false;
    },
  }) as Record<string, unknown> & { properties: Record<string, unknown> };
  return {
    $schema: schema.$schema,
    title: "Accord scenario",
    description:
      "A scenario for Accord, the classroom negotiation game: delegations, their secret briefs, provision cards, injects and the phase plan.",
    ...schema,
    // The key that points an editor at this file is allowed at the top of a scenario.
    properties: { $schema: { type: "string" }, ...schema.properties },
  };
}

export const scenarioJsonSchemaText = (): string => `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
