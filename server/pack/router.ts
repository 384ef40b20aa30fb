// The teacher's pack over HTTP. Public parts (plans, handout, questions,
// rubric) of a scenario on offer: /pack/<scenario>/<doc>, for the home page.
// A session's whole pack, role sheets included: /host/<code>/pack/<doc>,
// for its host only (the host key as ?key= or a Bearer header, checked by
// server/secrets.ts). Role sheets are never served without a session's host
// key: a student who guesses an address gets a coded refusal and nothing
// secret (docs/security.md). Wrong session codes count as guesses, as joins do.
import { Router, type Request, type Response } from "express";
import { listScenarios, loadScenarioFile } from "../../content/load.ts";
import { SessionCode } from "../../shared/ids.ts";
import type { SessionState } from "../../shared/state.ts";
import type { Scenario } from "../../shared/scenario.ts";
import { DEFAULT_LESSON } from "../../shared/presets.ts";
import { escapeHtml as h } from "../exports/escape.ts";
import type { JoinLimits } from "../limits/joins.ts";
import { holdsHostKey, presentedHostKey } from "../secrets.ts";
import { clientIp } from "../http/creation-gate.ts";
import { contentsBody } from "./contents.ts";
import { handoutBody } from "./handout.ts";
import { PACK_CSP, PRINT_SCRIPT, packPage, type PageLinks } from "./layout.ts";
import { planBody } from "./plan.ts";
import { questionsBody } from "./questions.ts";
import { rolesBody } from "./roles.ts";
import { rubricBody } from "./rubric.ts";
import { DOC_TITLES, isPublicDoc, type PackDoc, type PackSource } from "./source.ts";

export type PackErrorCode =
  | "UNKNOWN_SCENARIO"
  | "UNKNOWN_DOCUMENT"
  | "UNKNOWN_SESSION"
  | "UNKNOWN_DELEGATION"
  | "NOT_HOST"
  | "ROLE_SHEETS_NEED_A_SESSION"
  | "RATE_LIMITED";

export interface PackRouterDeps {
  /** A session's state, or null if there is no such session. */
  getState(code: string): Promise<SessionState | null>;
  publicUrl(req: Request): string;
  joinLimits: JoinLimits;
  now?: () => number;
}

function refuse(res: Response, status: number, code: PackErrorCode, message: string): void {
  res
    .status(status)
    .set("X-Accord-Error", code)
    .type("html")
    .send(
      `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Teacher's pack: ${h(code)}</title>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1>Teacher's pack</h1><p>${h(message)}</p><p style="color:#5b6570">Error code: <code>${h(code)}</code></p></body></html>`,
    );
}

function builtIn(id: string): Scenario | null {
  const listing = listScenarios().find((s) => s.id === id);
  if (!listing) return null;
  const loaded = loadScenarioFile(listing.file);
  return loaded.ok ? loaded.scenario : null;
}

async function render(
  doc: PackDoc | "index",
  source: PackSource,
  links: PageLinks,
  delegation?: string,
): Promise<string> {
  const s = source.scenario;
  switch (doc) {
    case "index":
      return packPage(source, doc, "Teacher's pack", contentsBody(source, links), links);
    case "plan":
      return packPage(source, doc, DOC_TITLES.plan, planBody(source), links);
    case "handout":
      return packPage(source, doc, DOC_TITLES.handout, await handoutBody(source), links);
    case "questions":
      return packPage(source, doc, DOC_TITLES.questions, questionsBody(source), links);
    case "rubric":
      return packPage(source, doc, DOC_TITLES.rubric, rubricBody(source), links);
    case "roles": {
      const only = delegation === undefined ? undefined : s.delegations.find((d) => d.id === delegation);
      const title = only ? `${DOC_TITLES.roles}: ${only.name}` : DOC_TITLES.roles;
      return packPage(source, doc, title, rolesBody(s, only), links);
    }
  }
}

function send(res: Response, html: string, secret: boolean): void {
  res.set({
    "Content-Security-Policy": PACK_CSP,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    // A session's pages carry the key in their address and may hold secrets: never kept by a cache.
    "Cache-Control": secret ? "no-store" : "no-cache",
  });
  res.status(200).type("html").send(html);
}

export function packRouter(deps: PackRouterDeps): Router {
  const router = Router();
  const now = deps.now ?? Date.now;

  router.get("/pack/print.js", (_req, res) => {
    res.set({ "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff" });
    res.type("text/javascript").send(PRINT_SCRIPT);
  });

  const scenarioPack = async (req: Request, res: Response) => {
    const id = String(req.params.scenario);
    const doc = req.params.doc === undefined ? "index" : String(req.params.doc);
    const scenario = builtIn(id);
    if (!scenario) return refuse(res, 404, "UNKNOWN_SCENARIO", "No scenario on this server has that id.");
    if (doc === "roles")
      return refuse(
        res,
        403,
        "ROLE_SHEETS_NEED_A_SESSION",
        "Role sheets hold every delegation's secret brief, so they are printed only from a session's console, with the host key. Host the session, then open “Teacher's pack” in its console.",
      );
    if (doc !== "index" && !isPublicDoc(doc))
      return refuse(
        res,
        404,
        "UNKNOWN_DOCUMENT",
        "The pack has: plan, handout, questions, rubric and (from a session) roles.",
      );
    const base = `/pack/${encodeURIComponent(scenario.id)}`;
    const links: PageLinks = { roles: false, doc: (d) => (d === "index" ? base : `${base}/${d}`) };
    const source: PackSource = { scenario, homeUrl: `${deps.publicUrl(req)}/` };
    send(res, await render(doc, source, links), false);
  };
  router.get("/pack/:scenario", scenarioPack);
  router.get("/pack/:scenario/:doc", scenarioPack);

  const sessionPack = async (req: Request, res: Response) => {
    res.set({ "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" });
    const doc = req.params.doc === undefined ? "index" : String(req.params.doc);
    const delegation = req.params.delegation === undefined ? undefined : String(req.params.delegation);
    const ip = clientIp(req);
    const parsed = SessionCode.safeParse(String(req.params.code));
    const code = parsed.success ? parsed.data : null;
    if (!deps.joinLimits.maySeekSession(ip, code, now()))
      return refuse(res, 429, "RATE_LIMITED", "Too many wrong codes from this network. Wait a few minutes.");
    const state = code ? await deps.getState(code) : null;
    if (!state) {
      deps.joinLimits.wrongSessionCode(ip, now());
      return refuse(res, 404, "UNKNOWN_SESSION", "No session has that code.");
    }
    deps.joinLimits.reached(ip, state.code, now());
    const key = presentedHostKey(req);
    if (!holdsHostKey(state, key))
      return refuse(
        res,
        403,
        "NOT_HOST",
        "Only the host can open this session's pack: use “Teacher's pack” in the host console (its links carry the host key).",
      );
    if (doc !== "index" && doc !== "roles" && !isPublicDoc(doc))
      return refuse(res, 404, "UNKNOWN_DOCUMENT", "The pack has: plan, handout, questions, rubric and roles.");
    if (delegation !== undefined && !state.scenario.delegations.some((d) => d.id === delegation))
      return refuse(res, 404, "UNKNOWN_DELEGATION", "This scenario has no delegation with that id.");
    const base = `/host/${state.code}/pack`;
    const withKey = `?key=${encodeURIComponent(key!)}`;
    const links: PageLinks = { roles: true, doc: (d) => (d === "index" ? base : `${base}/${d}`) + withKey };
    const origin = deps.publicUrl(req);
    const source: PackSource = {
      scenario: state.scenario,
      homeUrl: `${origin}/`,
      session: {
        code: state.code,
        joinUrl: `${origin}/j/${state.code}`,
        phases: state.scenario.phases,
        lesson: state.lesson ?? DEFAULT_LESSON,
      },
    };
    send(res, await render(doc, source, links, delegation), true);
  };
  router.get("/host/:code/pack", sessionPack);
  router.get("/host/:code/pack/:doc", sessionPack);
  router.get("/host/:code/pack/:doc/:delegation", (req, res, next) =>
    req.params.doc === "roles" ? sessionPack(req, res) : next(),
  );
  return router;
}
