// docs/protocol.md, generated from the zod schemas so it cannot drift from
// what the server parses: every client action, every server message, the join
// options, the refusal codes, the limits, and the HTTP routes.
import { z } from "zod";
import {
  ClientAction,
  JoinOptions,
  PROTOCOL_VERSION,
  REFUSAL_CODES,
  joinErrorCode,
  ServerMessage,
  ACT,
  RESYNC,
} from "../../shared/protocol.ts";
import { LIMITS } from "../../shared/limits.ts";

const json = (schema: z.ZodType) =>
  "```json\n" + JSON.stringify(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }), null, 2) + "\n```";

const typeOf = (option: z.ZodType): string => {
  const shape = (option as unknown as { shape: { type: { value: string } } }).shape;
  return shape.type.value;
};

const ROUTES: { route: string; body: string; answers: string }[] = [
  {
    route: "POST /api/sessions",
    body:
      'none (the default scenario), `{ "scenario": "<id>" }`, or a whole scenario document (at most ' +
      `${LIMITS.scenarioBytes / 1024} KB)`,
    answers:
      "201 `{ code, hostKey, hostUrl, joinUrl, observerUrl }`; 400 `{ errors: [{ path, message }] }` naming every problem (nothing is created); 403 `{ error }` from a page of another origin; 413 too large; 429 too many sessions from one address",
  },
  {
    route: "GET /api/sessions/:code",
    body: "",
    answers:
      "200 `{ code, title, phase, locked, ended, joinable, delegations: [{ id, name, colour, emblem, seated }] }`; 404 `{ error }`; 429 `{ error }` after too many failed lookups",
  },
  { route: "GET /api/sessions/:code/qr.svg", body: "", answers: "200 an SVG QR code of the join link; 404" },
  {
    route: "DELETE /api/sessions/:code",
    body: "header `Authorization: Bearer <hostKey>`",
    answers: "204, and every client gets a `notice` of kind `session-deleted`; 403 without the host key; 404",
  },
  {
    route: "GET /api/sessions/:code/export.:format",
    body: "format html, md, csv (`?table=` actions, provisions, signatures, scores or students) or json; host key as `Authorization: Bearer <hostKey>` or `?key=`",
    answers: "200 the export as a download; 403 without the host key; 404",
  },
  {
    route: "POST /api/classes",
    body: 'what `POST /api/sessions` takes, plus `"tables"`: 2 to 8 (each table is a full session with that scenario and lesson)',
    answers:
      "201 `{ code, hostKey, consoleUrl, joinUrl, screenUrl, tables: [{ table, code, hostUrl, joinUrl, observerUrl }] }` (the class's host key is every table's host key); 400 `{ errors }` as for a session (nothing is created); 403; 413; 429",
  },
  {
    route: "GET /api/sessions/:code (a class code)",
    body: "",
    answers:
      '200 `{ code, kind: "class", title, tables, joinable, delegations: [] }`; a wrong code gets the same 404 and 429 as a wrong session code, and counts toward the same limit',
  },
  {
    route: "POST /api/classes/:code/seat",
    body: 'none, or `{ "rejoinCode": "ABCD-EFGH" }`',
    answers:
      "200 `{ table }`: the code of the emptiest table (fewest students, ties to the earlier table) that takes students, or of the table the rejoin code belongs to; 404 as for a wrong session code; 409 `{ error }` when no table takes students",
  },
  {
    route: "GET /api/classes/:code",
    body: "header `Authorization: Bearer <class hostKey>`",
    answers:
      "200 `{ code, title, now, compareShown, joinUrl, screenUrl, tables: [{ table, code, phase, phaseTitle, timer, locked, ended, adjourned, hostHere, students: [{ name, delegation, connected, head }], computers, signatures }] }`; 403 without the key; 404",
  },
  {
    route: "POST /api/classes/:code/run",
    body: '`{ "run": "next-phase" | "start-timer" | "pause-timer" | "resume-timer" }` (start-timer may add `"minutes"`), or `{ "run": "compare", "shown": true | false }`; the class host key',
    answers:
      "200 `{ tables: [{ table, ok, message? }] }`, each table answering for itself, or `{ compareShown }`; 400 `{ error }` naming what to send; 403; 404",
  },
  {
    route: "GET /api/classes/:code/compare",
    body: "",
    answers:
      "200 `{ title, tables: [{ table, phase, phaseTitle, students, shown, final, results }] }`: results (agreed provisions' titles, signatures, each delegation's score against its walk-away, meters) once every table has reached the debrief, or the host shows them; nothing secret (a brief's numbers stay back while any table negotiates); 404",
  },
  { route: "GET /api/classes/:code/qr.svg", body: "", answers: "200 an SVG QR code of the class's join link; 404" },
  {
    route: "GET /api/classes/:code/export.csv",
    body: "the class host key as `Authorization: Bearer <hostKey>` or `?key=`",
    answers:
      "200 a CSV download, one row per table and delegation: table, table_code, phase, final, delegation, signed_code, score, walk_away, maximum, outcome, code_counts, agreed_provisions, signers, commons, stability; 403; 404",
  },
  { route: "GET /api/scenarios", body: "", answers: "200 `{ scenarios: [{ id, title, summary }] }`" },
  { route: "GET /healthz", body: "", answers: '200 `{ "ok": true }`' },
  { route: "GET /, /j/:code", body: "", answers: "the join page" },
  {
    route: "GET /host/:code#key=<hostKey>",
    body: "",
    answers: "the host console (the key stays in the fragment, which browsers never send)",
  },
  { route: "GET /screen/:code", body: "", answers: "the projector view" },
  {
    route: "GET /pack/:scenario, /pack/:scenario/:doc",
    body: "doc plan, handout, questions or rubric, of a scenario on offer",
    answers:
      "200 a printable page of the teacher's pack; 403 `ROLE_SHEETS_NEED_A_SESSION` for roles; 404 `UNKNOWN_SCENARIO`, `UNKNOWN_DOCUMENT` (the code in `X-Accord-Error`)",
  },
  {
    route: "GET /host/:code/pack, /host/:code/pack/:doc, /host/:code/pack/roles/:delegation",
    body: "doc plan, handout, questions, rubric or roles; host key as `Authorization: Bearer <hostKey>` or `?key=`",
    answers:
      "200 the session's pack, role sheets included; 403 `NOT_HOST`; 404 `UNKNOWN_SESSION`, `UNKNOWN_DELEGATION`; 429",
  },
  {
    route: "GET /class/:code#key=<hostKey>",
    body: "",
    answers: "the class console: every table, run together or apart (the key stays in the fragment)",
  },
  { route: "GET /class/:code/screen", body: "", answers: "the class projector: the code, then the compared debrief" },
];

export function protocolDoc(): string {
  const out: string[] = [];
  const add = (...lines: string[]) => out.push(...lines);
  add(
    "# Accord protocol",
    "",
    "<!-- Generated by `npm run docs:protocol` (server/docs/write-protocol-doc.ts) from the zod schemas in shared/. Do not edit by hand: a test checks this file against the generator. -->",
    "",
    `Protocol version **${PROTOCOL_VERSION}**. One process serves the pages, the HTTP API and the WebSocket on one port.`,
    "",
    "## HTTP routes",
    "",
    "| route | request | answers |",
    "| --- | --- | --- |",
    ...ROUTES.map((r) => `| \`${r.route}\` | ${r.body || "—"} | ${r.answers} |`),
    "",
    "POST requests and WebSocket upgrades from a browser page must come from the server's own origin or one listed in `ALLOWED_ORIGINS`; requests without an `Origin` header (non-browser clients) are allowed.",
    "",
    "## Joining a room",
    "",
    "A session's room id is its code: `client.joinById(code, options)` with colyseus.js 0.16. The options are one of:",
    "",
    json(JoinOptions),
    "",
    `A refused join rejects with a Colyseus \`ServerError\` whose code is the number the table below gives its refusal code (fixed: a code keeps its number for good) and whose message is \`"CODE: plain words"\`, e.g. \`"NAME_TAKEN: Someone here is already called …"\`.`,
    "Only `POST /matchmake/joinById/<code>` and `POST /matchmake/reconnect/<code>` (colyseus.js `joinById` and `reconnect`) are served, with a 4 KB body; any other path containing `/matchmake` is 404, other methods 405. Rooms are made only by `POST /api/sessions`.",
    "Wrong session codes are limited per address and wrong rejoin codes per session and address; past a limit, those joins answer `RATE_LIMITED` (docs/security.md says which and why). Sessions an address has already reached, host keys and seat tokens are never refused by a limit.",
    "",
    "After joining, the client receives `welcome`, then its whole `view`, then `patch`es as the session changes.",
    "",
    "## Client to server",
    "",
    `Every action is sent as the Colyseus message type \`"${ACT}"\` with the body \`{ seq, action }\`: \`seq\` grows by one with each action the client sends; an action whose \`seq\` was already applied for the seat is acknowledged again and not applied twice. The actor is always the connection's seat, never a field of the message.`,
    `A client that receives a \`patch\` whose \`rev\` is not one more than the last it applied drops it and sends the Colyseus message type \`"${RESYNC}"\` (no body); the server answers with the whole \`view\`.`,
    "",
    `Limits, checked before the message is read: at most ${LIMITS.messageBytes} bytes (\`TOO_LARGE\`), ${LIMITS.rateBurst} actions in a burst then ${LIMITS.ratePerSecond} a second (\`RATE_LIMITED\`). Any other message type is answered \`UNKNOWN_MESSAGE\`. Nothing disconnects the client.`,
    "",
  );
  for (const option of ClientAction.options) {
    add(`### \`${typeOf(option)}\``, "", json(option), "");
  }
  add(
    "## Server to client",
    "",
    'Each message is sent with the Colyseus message type equal to its `type` field (listen with `room.onMessage(type, …)` or `room.onMessage("*", …)`). `patch` ops apply to the last view with `applyPatch` from shared/patch.ts; a patch whose `rev` is not the last one + 1 means the client missed something and will get a whole `view` next.',
    "",
  );
  for (const option of ServerMessage.options) {
    add(`### \`${typeOf(option)}\``, "", json(option), "");
  }
  add(
    "## Refusal codes",
    "",
    "Every refusal is an `error` message `{ code, message, action?, seq? }` to the client that sent the action, or a refused join.",
    "",
    "| code | join error number |",
    "| --- | --- |",
    ...REFUSAL_CODES.map((c) => `| \`${c}\` | ${joinErrorCode(c)} |`),
    "",
    "## Limits",
    "",
    "| limit | value |",
    "| --- | --- |",
    ...Object.entries(LIMITS).map(([k, v]) => `| \`${k}\` | ${v} |`),
    "",
  );
  return out.join("\n");
}
