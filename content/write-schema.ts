// `npm run content:schema`: regenerates content/scenario.schema.json from the zod schema.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { scenarioJsonSchemaText } from "./json-schema.ts";

const target = fileURLToPath(new URL("./scenario.schema.json", import.meta.url));
writeFileSync(target, scenarioJsonSchemaText());
console.log(`wrote ${target}`);
