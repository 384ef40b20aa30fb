// docs/protocol.md cannot drift from the schemas: it must be what the generator writes now.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { protocolDoc } from "../../server/docs/protocol-doc.ts";
import { PROTOCOL_DOC } from "../../server/docs/write-protocol-doc.ts";
import { CLIENT_ACTION_TYPES, JOIN_ERROR_CODES, REFUSAL_CODES, ServerMessage } from "../../shared/protocol.ts";

describe("docs/protocol.md", () => {
  it("equals the generated document (run `npm run docs:protocol` after changing a schema)", () => {
    expect(readFileSync(PROTOCOL_DOC, "utf8")).toBe(protocolDoc());
  });

  it("lists every action, server message, refusal code and HTTP route", () => {
    const doc = protocolDoc();
    for (const type of CLIENT_ACTION_TYPES) expect(doc).toContain(`### \`${type}\``);
    for (const option of ServerMessage.options) expect(doc).toContain(`### \`${option.shape.type.value}\``);
    for (const code of REFUSAL_CODES) expect(doc).toContain(`| \`${code}\` |`);
    for (const route of [
      "POST /api/sessions",
      "GET /api/sessions/:code",
      "qr.svg",
      "DELETE /api/sessions/:code",
      "GET /api/scenarios",
      "GET /healthz",
    ]) {
      expect(doc).toContain(route);
    }
  });
});

describe("join refusal numbers", () => {
  it("are fixed per code and distinct", () => {
    const numbers = REFUSAL_CODES.map((c) => JOIN_ERROR_CODES[c]);
    expect(new Set(numbers).size).toBe(REFUSAL_CODES.length);
    expect(numbers.every((n) => n >= 4400 && n < 4500)).toBe(true);
    // Numbers clients already branch on (docs/protocol.md): these must never change.
    expect(JOIN_ERROR_CODES).toMatchObject({
      BAD_MESSAGE: 4400,
      RATE_LIMITED: 4403,
      UNKNOWN_SESSION: 4405,
      LOCKED: 4406,
      NAME_TAKEN: 4407,
      NAME_NOT_ALLOWED: 4408,
      SESSION_FULL: 4409,
      BAD_HOST_KEY: 4410,
      UNKNOWN_SEAT: 4411,
    });
  });
});
