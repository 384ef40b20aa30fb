// The HTTP API: create a session, look one up, its QR code, the scenarios on
// offer, health, and deletion by the host. JSON in and out; every refusal is
// `{ error }` or, for a scenario, `{ errors: [{ path, message }] }` naming
// every problem.
import { Router, type NextFunction, type Request, type Response } from "express";
import QRCode from "qrcode";
import { LIMITS } from "../../shared/limits.ts";
import { SessionCode } from "../../shared/ids.ts";
import type { SessionState } from "../../shared/state.ts";
import { splitDecisionRule } from "./decision-rule.ts";
import { defaultScenario, listScenarios, loadScenarioFile, validateScenario } from "../../content/load.ts";
import type { Scenario } from "../../shared/scenario.ts";
import type { ClientAction } from "../../shared/protocol.ts";
import type { Lesson } from "../../shared/presets.ts";
import { holdsHostKey, presentedHostKey } from "../secrets.ts";
import { planMinutes, presetSummaries } from "../../shared/presets.ts";
import { PHASE_TITLES } from "../../shared/phases.ts";
import { applyLesson, splitLessonOptions } from "./lesson-options.ts";
import type { SessionService } from "../sessions.ts";
import type { OriginCheck } from "../limits/origin.ts";
import type { WindowCounter } from "../limits/rate.ts";
import { computerActions, splitComputerRequest } from "../bots/setup.ts";
import type { JoinLimits } from "../limits/joins.ts";
import { jsonBody } from "./body.ts";
import { clientIp, creationGate } from "./creation-gate.ts";
import { publicFacts } from "../room/public-facts.ts";

export interface ApiDeps {
  sessions: SessionService;
  publicUrl(req: Request): string;
  originOk: OriginCheck;
  /** Look-ups of wrong codes count as guesses, as wrong joins do (server/limits/joins.ts). */
  joinLimits: JoinLimits;
  /** Sessions created per IP. */
  creations: WindowCounter;
}

export type ScenarioError = { path: string; message: string };

// Express's req.ip follows the app's "trust proxy" setting, which the app sets from TRUST_PROXY.

// The same words for a wrong session code and a wrong class code (server/classes/router.ts): a guesser learns nothing.
export const UNKNOWN_CODE = "No session has that code. Check the code with your teacher.";
export const TOO_MANY_WRONG_CODES =
  "Too many wrong codes from this network. Wait a few minutes, then check the code with your teacher.";

export function links(base: string, code: string, hostKey?: string) {
  return {
    ...(hostKey !== undefined ? { hostUrl: `${base}/host/${code}#key=${hostKey}` } : {}),
    joinUrl: `${base}/j/${code}`,
    observerUrl: `${base}/screen/${code}`,
  };
}

export function apiRouter(deps: ApiDeps): Router {
  const router = Router();
  const now = () => Date.now();

  /** A code that is malformed or unknown counts as a wrong code for the caller's address. */
  async function findSession(req: Request, res: Response): Promise<SessionState | null> {
    const ip = clientIp(req);
    const raw = String(req.params.code);
    const parsed = SessionCode.safeParse(raw);
    const code = parsed.success ? parsed.data : null;
    if (!deps.joinLimits.maySeekSession(ip, code, now())) {
      res.status(429).json({ error: TOO_MANY_WRONG_CODES });
      return null;
    }
    const state = code ? await deps.sessions.state(code) : null;
    if (!state) {
      deps.joinLimits.wrongSessionCode(ip, now());
      res.status(404).json({ error: UNKNOWN_CODE });
      return null;
    }
    deps.joinLimits.reached(ip, state.code, now());
    return state;
  }

  router.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });

  router.get("/api/scenarios", (_req, res) => {
    // The delegations let a participant choose whom to play when practising alone; the presets, the lesson.
    res.json({
      scenarios: listScenarios().map(({ id, title, summary, delegations, phases }) => ({
        id,
        title,
        summary,
        delegations,
        minutes: planMinutes(phases),
        phases: phases.map((p) => ({ phase: p.phase, title: PHASE_TITLES[p.phase], minutes: p.minutes })),
        presets: presetSummaries(phases),
      })),
    });
  });

  router.post(
    "/api/sessions",
    creationGate(deps, "Sessions", now),
    jsonBody(LIMITS.scenarioBytes),
    async (req, res) => {
      const request = readSessionRequest(req.body);
      if (!request.ok) {
        res.status(400).json({ errors: request.errors });
        return;
      }
      const { scenario, actions, lesson } = request;
      const { code, hostKey } = await deps.sessions.create(scenario, undefined, actions, lesson);
      // Whoever made the session knows its code: the limits never refuse that address this code.
      deps.joinLimits.reached(clientIp(req), code, now());
      res.status(201).json({ code, hostKey, ...links(deps.publicUrl(req), code, hostKey) });
    },
  );

  router.get("/api/sessions/:code", async (req, res) => {
    const state = await findSession(req, res);
    if (state) res.json(publicFacts(state));
  });

  router.get("/api/sessions/:code/qr.svg", async (req, res) => {
    const state = await findSession(req, res);
    if (!state) return;
    const svg = await QRCode.toString(links(deps.publicUrl(req), state.code).joinUrl, { type: "svg", margin: 2 });
    res.type("image/svg+xml").set("Cache-Control", "public, max-age=3600").send(svg);
  });

  router.delete("/api/sessions/:code", async (req, res) => {
    const state = await findSession(req, res);
    if (!state) return;
    if (!holdsHostKey(state, presentedHostKey(req))) {
      res.status(403).json({ error: "Only the host can delete this session (send the host key)." });
      return;
    }
    await deps.sessions.delete(state.code);
    res.status(204).end();
  });

  // Body errors (bad JSON, too large) answer in the same shape as scenario errors.
  router.use(
    "/api",
    (err: Error & { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
      if (err.type === "entity.too.large") {
        res.status(413).json({
          errors: [{ path: "(body)", message: `the scenario is larger than ${LIMITS.scenarioBytes / 1024} KB` }],
        });
      } else if (err.type === "entity.parse.failed") {
        res.status(400).json({ errors: [{ path: "(body)", message: `not valid JSON: ${err.message}` }] });
      } else if (err.status && err.status < 500) {
        res.status(err.status).json({ error: err.message });
      } else next(err);
    },
  );
  router.use("/api", (_req, res) => {
    res.status(404).json({ error: "No such API route." });
  });
  return router;
}

export type SessionRequest =
  { ok: true; scenario: Scenario; actions: ClientAction[]; lesson: Lesson } | { ok: false; errors: ScenarioError[] };

/** What POST /api/sessions (and POST /api/classes, for each table) is asked to create, or every problem with it. */
export function readSessionRequest(raw: unknown): SessionRequest {
  // Computer delegations and the computer chair ride along with the scenario (server/bots/setup.ts),
  // and so do the decision rule and the lesson: a preset, the teacher's minutes, the debrief's privacy
  // (lesson-options.ts).
  const { rest: body, choice } = splitDecisionRule(raw);
  const { rest, request } = splitComputerRequest(body);
  const split = splitLessonOptions(rest);
  const chosen = split.ok ? readScenario(split.rest) : split;
  if (!chosen.ok || !choice.ok)
    return { ok: false, errors: [...(chosen.ok ? [] : chosen.errors), ...(choice.ok ? [] : choice.errors)] };
  if (choice.rule) chosen.scenario.decisionRule = choice.rule;
  const { scenario, lesson } = applyLesson(chosen.scenario, split.ok ? split.options : {});
  const computer = request ? computerActions(request, scenario) : { ok: true as const, actions: [] };
  if (!computer.ok) return { ok: false, errors: computer.errors };
  return { ok: true, scenario, actions: computer.actions, lesson };
}

/**
 * chooseScenario, but a document the checker itself trips on (found by the HTTP fuzz: a body of
 * `{ "constructor": ... }`) is refused as unreadable, never answered with a 5xx.
 */
function readScenario(body: unknown): ReturnType<typeof chooseScenario> {
  try {
    return chooseScenario(body);
  } catch {
    return { ok: false, errors: [{ path: "(body)", message: "this is not a scenario document the server can read" }] };
  }
}

/** The body names a scenario on offer (`{ scenario: "id" }`), holds a whole scenario document, or is empty (the default). */
function chooseScenario(body: unknown): { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] } {
  if (body === undefined || body === null || (typeof body === "object" && Object.keys(body).length === 0)) {
    return { ok: true, scenario: defaultScenario() };
  }
  if (typeof body !== "object" || Array.isArray(body)) {
    return {
      ok: false,
      errors: [{ path: "(body)", message: 'send { "scenario": "<id>" } or a whole scenario document' }],
    };
  }
  const { scenario } = body as { scenario?: unknown };
  if (typeof scenario === "string" && Object.keys(body).length === 1) {
    const listing = listScenarios().find((s) => s.id === scenario);
    if (!listing)
      return {
        ok: false,
        errors: [{ path: "scenario", message: `no scenario on this server has the id "${scenario}"` }],
      };
    return loadScenarioFile(listing.file);
  }
  const doc = typeof scenario === "object" && scenario !== null && Object.keys(body).length === 1 ? scenario : body;
  return validateScenario(doc);
}
