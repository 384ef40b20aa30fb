// The HTTP API of classes (docs/protocol.md, "HTTP routes"):
//   POST /api/classes                      open a class: a session body plus "tables": 2..8
//   GET  /api/sessions/:code               with a class code: what the join page needs to know
//   POST /api/classes/:code/seat           the table the class code seats a student at
//   GET  /api/classes/:code                the class console's view of every table (host key)
//   POST /api/classes/:code/run            a host action at every table, or compare now (host key)
//   GET  /api/classes/:code/compare        the compared debrief (public, like the projector)
//   GET  /api/classes/:code/qr.svg         the class's join link as a QR code
//   GET  /api/classes/:code/export.csv     the comparison as a spreadsheet (host key, or ?key=)
// A wrong class code is refused as a wrong session code is, and counts as one (server/limits/joins.ts).
import type { ClassView } from "../../shared/class-view.ts";
import { Router, type Request, type Response } from "express";
import QRCode from "qrcode";
import { z } from "zod";
import { SessionCode } from "../../shared/ids.ts";
import { LIMITS } from "../../shared/limits.ts";
import { typedRejoinCode } from "../../shared/codes.ts";
import { jsonBody } from "../http/body.ts";
import { clientIp, creationGate } from "../http/creation-gate.ts";
import { links, readSessionRequest, TOO_MANY_WRONG_CODES, UNKNOWN_CODE, type ScenarioError } from "../http/api.ts";
import { presentedHostKey } from "../secrets.ts";
import type { OriginCheck } from "../limits/origin.ts";
import type { WindowCounter } from "../limits/rate.ts";
import type { JoinLimits } from "../limits/joins.ts";
import type { ClassRecord } from "../store/types.ts";
import { MAX_TABLES, MIN_TABLES, type ClassService } from "./service.ts";
import { tableSummary } from "./tables.ts";
import { compareTables } from "./compare.ts";
import { TogetherCommand, togetherAction } from "./together.ts";
import { comparisonCsv } from "./export.ts";

export interface ClassRouterDeps {
  classes: ClassService;
  publicUrl(req: Request): string;
  originOk: OriginCheck;
  joinLimits: JoinLimits;
  creations: WindowCounter;
  now: () => number;
}

export function classLinks(base: string, code: string, hostKey?: string) {
  return {
    ...(hostKey !== undefined ? { consoleUrl: `${base}/class/${code}#key=${hostKey}` } : {}),
    joinUrl: `${base}/j/${code}`,
    screenUrl: `${base}/class/${code}/screen`,
  };
}

const Compare = z.object({ run: z.literal("compare"), shown: z.boolean() }).strict();
const SeatRequest = z.object({ rejoinCode: z.string().max(32).optional() }).strict();

export function classRouter(deps: ClassRouterDeps): Router {
  const router = Router();
  const { classes, joinLimits, now } = deps;

  /** The class named by the path's code; a malformed or unknown code counts as a wrong code, as for sessions. */
  function findClass(req: Request, res: Response, quietIfUnknown = false): ClassRecord | null {
    const ip = clientIp(req);
    const parsed = SessionCode.safeParse(String(req.params.code));
    const code = parsed.success ? parsed.data : null;
    const record = code ? classes.get(code) : null;
    // The session route looks up codes that are not a class's: it counts them itself.
    if (!record && quietIfUnknown) return null;
    if (!joinLimits.maySeekSession(ip, code, now())) {
      res.status(429).json({ error: TOO_MANY_WRONG_CODES });
      return null;
    }
    if (!record) {
      joinLimits.wrongSessionCode(ip, now());
      res.status(404).json({ error: UNKNOWN_CODE });
      return null;
    }
    joinLimits.reached(ip, record.code, now());
    return record;
  }

  /** The class, if the request holds its host key; otherwise the refusal is sent. */
  function hostsClass(req: Request, res: Response): ClassRecord | null {
    const record = findClass(req, res);
    if (!record) return null;
    if (!classes.holdsKey(record, presentedHostKey(req))) {
      res.status(403).json({ error: "Only the class's host can do this (send the class's host key)." });
      return null;
    }
    return record;
  }

  router.post("/api/classes", creationGate(deps, "Classes", now), jsonBody(LIMITS.scenarioBytes), async (req, res) => {
    const body = req.body as unknown;
    const errors: ScenarioError[] = [];
    let tables = 0;
    let rest: unknown = body;
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      errors.push({ path: "tables", message: `send { "tables": ${MIN_TABLES} to ${MAX_TABLES}, ... }` });
    } else {
      const { tables: asked, ...others } = body as Record<string, unknown>;
      rest = others;
      if (typeof asked !== "number" || !Number.isInteger(asked) || asked < MIN_TABLES || asked > MAX_TABLES)
        errors.push({ path: "tables", message: `a class has from ${MIN_TABLES} to ${MAX_TABLES} tables` });
      else tables = asked;
    }
    const request = readSessionRequest(rest);
    if (!request.ok) errors.push(...request.errors);
    if (errors.length > 0 || !request.ok) {
      res.status(400).json({ errors });
      return;
    }
    // Each table is a session made: it counts against the address's budget as one made alone would.
    for (let i = 1; i < tables; i++) deps.creations.count(clientIp(req), now());
    const made = await classes.create(request, tables);
    const base = deps.publicUrl(req);
    // Whoever made the class knows its codes: the limits never refuse that address them.
    for (const code of [made.code, ...made.tables]) joinLimits.reached(clientIp(req), code, now());
    res.status(201).json({
      code: made.code,
      hostKey: made.hostKey,
      ...classLinks(base, made.code, made.hostKey),
      tables: made.tables.map((code, i) => ({ table: i + 1, code, ...links(base, code, made.hostKey) })),
    });
  });

  // The join page asks about every code it is given; a class's answers here, any other goes on to sessions.
  router.get("/api/sessions/:code", async (req, res, next) => {
    const record = findClass(req, res, true);
    if (!record) return next();
    const states = await classes.states(record);
    res.json({
      code: record.code,
      kind: "class",
      title: record.title,
      tables: record.tables.length,
      joinable: states.some((s) => s !== null && !s.locked && !s.ended),
      // Each table places its students; the delegations are chosen at the table.
      delegations: [],
    });
  });

  router.post("/api/classes/:code/seat", jsonBody(1024), async (req, res) => {
    const record = findClass(req, res);
    if (!record) return;
    const asked = SeatRequest.safeParse(req.body ?? {});
    if (!asked.success) {
      res.status(400).json({ error: 'Send {} for a new seat, or { "rejoinCode": "ABCD-EFGH" }.' });
      return;
    }
    if (asked.data.rejoinCode !== undefined) {
      // The table is found from the rejoin code; the code itself is checked (and counted) when the student joins it.
      const ip = clientIp(req);
      if (!joinLimits.mayTryRejoin(record.code, ip, now())) {
        res.status(429).json({ error: "Too many wrong rejoin codes. Wait a few minutes, then ask your teacher." });
        return;
      }
      const table = await classes.tableOfRejoinCode(record, typedRejoinCode(asked.data.rejoinCode));
      if (!table) {
        joinLimits.wrongRejoinCode(record.code, ip, now());
        res.status(404).json({ error: "That rejoin code is not right. Check it with your teacher." });
        return;
      }
      res.json({ table });
      return;
    }
    const table = await classes.seat(record);
    if (!table) {
      res.status(409).json({ error: "No table of this class is taking students now. Ask your teacher." });
      return;
    }
    res.json({ table });
  });

  router.get("/api/classes/:code", async (req, res) => {
    const record = hostsClass(req, res);
    if (!record) return;
    const states = await classes.states(record);
    const view: ClassView = {
      code: record.code,
      title: record.title,
      now: now(),
      compareShown: record.compareShown,
      ...classLinks(deps.publicUrl(req), record.code),
      tables: states.map((s, i) => tableSummary(i + 1, record.tables[i]!, s)),
    };
    res.set("Cache-Control", "no-store").json(view);
  });

  router.post("/api/classes/:code/run", jsonBody(1024), async (req, res) => {
    const record = hostsClass(req, res);
    if (!record) return;
    const compare = Compare.safeParse(req.body);
    if (compare.success) {
      const next = classes.showCompare(record, compare.data.shown);
      res.json({ compareShown: next.compareShown });
      return;
    }
    const command = TogetherCommand.safeParse(req.body);
    if (!command.success) {
      res.status(400).json({
        error:
          'Send { "run": "next-phase" | "start-timer" | "pause-timer" | "resume-timer" } (start-timer may add "minutes": 0.5 to 180), or { "run": "compare", "shown": true | false }.',
      });
      return;
    }
    res.json({ tables: await classes.runTogether(record, togetherAction(command.data)) });
  });

  router.get("/api/classes/:code/compare", async (req, res) => {
    const record = findClass(req, res);
    if (!record) return;
    const states = await classes.states(record);
    res.set("Cache-Control", "no-store").json(compareTables(record.title, states, record.compareShown));
  });

  router.get("/api/classes/:code/export.csv", async (req, res) => {
    const record = hostsClass(req, res);
    if (!record) return;
    const states = await classes.states(record);
    const csv = comparisonCsv(record.tables.map((code, i) => ({ code, state: states[i] ?? null })));
    res
      .set("Content-Disposition", `attachment; filename="accord-class-${record.code}.csv"`)
      .set("Cache-Control", "no-store")
      .type("text/csv; charset=utf-8")
      .send(csv);
  });

  router.get("/api/classes/:code/qr.svg", async (req, res) => {
    const record = findClass(req, res);
    if (!record) return;
    const url = classLinks(deps.publicUrl(req), record.code).joinUrl;
    const svg = await QRCode.toString(url, { type: "svg", margin: 2 });
    res.type("image/svg+xml").set("Cache-Control", "public, max-age=3600").send(svg);
  });

  return router;
}
