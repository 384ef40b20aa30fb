// npm run docs:protocol: writes docs/protocol.md from the zod schemas.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { protocolDoc } from "./protocol-doc.ts";

export const PROTOCOL_DOC = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "docs", "protocol.md");

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(PROTOCOL_DOC, protocolDoc());
  console.log(`wrote ${PROTOCOL_DOC}`);
}
