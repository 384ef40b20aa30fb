// What the class pages read from the server (server/classes/router.ts).
import type { Timer } from "../../shared/state.ts";

export interface TableSummary {
  table: number;
  code: string;
  exists: boolean;
  phase: string | null;
  phaseTitle: string;
  timer: Timer;
  locked: boolean;
  ended: boolean;
  adjourned: boolean;
  hostHere: boolean;
  students: { name: string; delegation: string; connected: boolean; head: boolean }[];
  computers: string[];
  signatures: number;
}

export interface ClassView {
  code: string;
  title: string;
  now: number;
  compareShown: boolean;
  joinUrl: string;
  screenUrl: string;
  tables: TableSummary[];
}

export interface TableResults {
  codeTitle: string;
  frozen: boolean;
  provisions: string[];
  signatures: { delegation: string; name: string; colour: string; signer: string }[];
  codeCounts: boolean;
  scores: {
    delegation: string;
    name: string;
    colour: string;
    score: number;
    walkAway: number;
    maximum: number;
    outcome: "above" | "at" | "below";
    signedCode: boolean;
  }[];
  commons: number;
  stability: number;
  blocs: { title: string; delegations: string[] }[];
}

export interface ComparedTable {
  table: number;
  phase: string;
  phaseTitle: string;
  students: number;
  shown: boolean;
  final: boolean;
  results: TableResults | null;
}

export interface ClassComparison {
  title: string;
  tables: ComparedTable[];
}

export type Answer<T> = { ok: true; body: T } | { ok: false; status: number; error: string };

export async function getJson<T>(url: string, key?: string): Promise<Answer<T>> {
  try {
    const res = await fetch(url, {
      headers: { accept: "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      cache: "no-store",
    });
    const body = (await res.json().catch(() => ({}))) as T & { error?: string };
    return res.ok ? { ok: true, body } : { ok: false, status: res.status, error: body.error ?? `status ${res.status}` };
  } catch {
    return { ok: false, status: 0, error: "Can't reach the game server. Check the network." };
  }
}

export async function postJson<T>(url: string, key: string, body: unknown): Promise<Answer<T>> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
    });
    const answer = (await res.json().catch(() => ({}))) as T & { error?: string };
    return res.ok
      ? { ok: true, body: answer }
      : { ok: false, status: res.status, error: answer.error ?? `status ${res.status}` };
  } catch {
    return { ok: false, status: 0, error: "Can't reach the game server. Check the network." };
  }
}
