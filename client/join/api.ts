// The HTTP API the join page needs (docs/protocol.md). Same origin only.
export interface SessionFacts {
  code: string;
  /** A class of several tables: the class code seats the student at one (join/class-code.ts). */
  kind?: "class";
  tables?: number;
  title: string;
  phase?: string;
  locked?: boolean;
  ended?: boolean;
  joinable: boolean;
  delegations: { id: string; name: string; colour: string; emblem: string; seated: number }[];
}
export interface PlannedPhase {
  phase: string;
  title: string;
  minutes: number;
}
export interface PresetSummary {
  id: string;
  title: string;
  description: string;
  minutes: number;
  pauseAfter: string | null;
  phases: PlannedPhase[];
}
export interface ScenarioSummary {
  id: string;
  title: string;
  summary?: string;
  delegations?: { id: string; name: string; emblem: string }[];
  minutes?: number;
  phases?: PlannedPhase[];
  presets?: PresetSummary[];
}
export interface CreatedSession {
  code: string;
  hostKey: string;
  hostUrl: string;
  joinUrl: string;
  observerUrl: string;
}
export interface ScenarioError {
  path: string;
  message: string;
  file?: string;
}

export async function sessionFacts(code: string): Promise<SessionFacts | null> {
  const res = await fetch(`/api/sessions/${encodeURIComponent(code)}`, { headers: { accept: "application/json" } });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`status ${res.status}`);
  return (await res.json()) as SessionFacts;
}

export async function listScenarios(): Promise<ScenarioSummary[]> {
  const res = await fetch("/api/scenarios", { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`status ${res.status}`);
  const body = (await res.json()) as unknown;
  const list = Array.isArray(body) ? body : (body as { scenarios?: unknown }).scenarios;
  return Array.isArray(list) ? (list as ScenarioSummary[]) : [];
}

export type CreateResult = { ok: true; session: CreatedSession } | { ok: false; errors: ScenarioError[] };

/** `body` is `{ scenario: id }` or a whole scenario document. */
export async function createSession(body: unknown): Promise<CreateResult> {
  const res = await fetch("/api/sessions", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });
  const payload = (await res.json().catch(() => ({}))) as {
    errors?: ScenarioError[];
    error?: string;
  } & Partial<CreatedSession>;
  if (res.ok && payload.hostUrl) return { ok: true, session: payload as CreatedSession };
  const errors = payload.errors ?? [
    { path: "", message: payload.error ?? `The server refused (status ${res.status}).` },
  ];
  return { ok: false, errors };
}

export interface CreatedClass {
  code: string;
  hostKey: string;
  consoleUrl: string;
  joinUrl: string;
  screenUrl: string;
}

/** A class of `tables` tables, each created from the same `body` as one session would be. */
export async function createClass(
  body: Record<string, unknown>,
  tables: number,
): Promise<{ ok: true; made: CreatedClass } | { ok: false; errors: ScenarioError[] }> {
  const res = await fetch("/api/classes", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ ...body, tables }),
  });
  const payload = (await res.json().catch(() => ({}))) as {
    errors?: ScenarioError[];
    error?: string;
  } & Partial<CreatedClass>;
  if (res.ok && payload.consoleUrl) return { ok: true, made: payload as CreatedClass };
  return {
    ok: false,
    errors: payload.errors ?? [{ path: "", message: payload.error ?? `The server refused (status ${res.status}).` }],
  };
}
