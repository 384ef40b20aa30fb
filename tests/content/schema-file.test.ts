// The JSON Schema editors use must be the one the zod schema produces today.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { scenarioJsonSchema, scenarioJsonSchemaText } from "../../content/json-schema.ts";

const committed = readFileSync(fileURLToPath(new URL("../../content/scenario.schema.json", import.meta.url)), "utf8");

describe("content/scenario.schema.json", () => {
  it("equals what `npm run content:schema` generates (run it after changing shared/scenario.ts)", () => {
    expect(committed).toBe(scenarioJsonSchemaText());
  });

  it("describes the file as written: defaults optional, $schema allowed, unknown fields flagged", () => {
    const schema = scenarioJsonSchema() as any;
    expect(schema.required).toContain("delegations");
    expect(schema.required).not.toContain("decisionRule");
    expect(schema.properties.$schema).toEqual({ type: "string" });
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.delegations.items.properties.brief.additionalProperties).toBe(false);
    expect(schema.properties.phases.items.properties.phase.enum).toEqual([
      "briefing",
      "opening",
      "negotiation",
      "final-text",
      "signing",
      "debrief",
    ]);
  });
});
