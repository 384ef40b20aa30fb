// What the class pages read from the server (server/classes/router.ts): the
// class console's view of each table (host only) and the compared debrief
// (public: the class projector reads it with the class code). One set of
// types for the server that builds them and the pages that draw them.
import type { PhaseId } from "./phases.ts";
import type { Timer } from "./state.ts";

export interface TableSummary {
  table: number;
  code: string;
  /** False when the table's session was deleted: the rest is empty. */
  exists: boolean;
  phase: PhaseId | null;
  phaseTitle: string;
  timer: Timer;
  locked: boolean;
  ended: boolean;
  adjourned: boolean;
  /** Whether the table's own host console is open. */
  hostHere: boolean;
  students: { name: string; delegation: string; connected: boolean; head: boolean }[];
  computers: string[];
  signatures: number;
}

export interface ComparedTable {
  /** 1 for the first table. The table's session code is not shown: the class code is the one students use. */
  table: number;
  phase: PhaseId;
  phaseTitle: string;
  students: number;
  /** Results shown: the table reached the debrief, or the host chose to compare now. */
  shown: boolean;
  /** The results are the debrief's (true), or the text as it stands, shown early by the host (false). */
  final: boolean;
  results: TableResults | null;
}

export interface TableResults {
  codeTitle: string;
  /** Whether the shared code's text was frozen; if not, `provisions` are the ones on the table. */
  frozen: boolean;
  provisions: string[];
  /** The delegations whose signature names the frozen text, with who signed for each. */
  signatures: { delegation: string; name: string; colour: string; signer: string }[];
  /** The shared code counts: frozen and validly signed by at least two delegations. */
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
  /** Bloc agreements that count, with their signers' names. */
  blocs: { title: string; delegations: string[] }[];
}

export interface ClassComparison {
  title: string;
  tables: ComparedTable[];
}

/** The class console's whole view (GET /api/classes/:code, host key). */
export interface ClassView {
  code: string;
  title: string;
  now: number;
  compareShown: boolean;
  joinUrl: string;
  screenUrl: string;
  tables: TableSummary[];
}
