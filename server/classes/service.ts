// Classes as the HTTP side sees them: open a class of tables (each a full
// session made by SessionService, all with the class's host key), find one by
// its code, seat a student at the emptiest table, run a host action at every
// table, and show the compared debrief. Each class is a record in the store,
// so it survives a restart as its tables do.
import type { ClientAction } from "../../shared/protocol.ts";
import type { Lesson } from "../../shared/presets.ts";
import type { Scenario } from "../../shared/scenario.ts";
import type { SessionState } from "../../shared/state.ts";
import type { Log } from "../log.ts";
import type { SessionService } from "../sessions.ts";
import type { ClassRecord, SessionStore } from "../store/types.ts";
import { mintSecret, secretMatchesHash, sha256Hex } from "../secrets.ts";
import { Placements, studentsAt, tableTakesStudents } from "./seating.ts";

export const MIN_TABLES = 2;
export const MAX_TABLES = 8;

export interface ClassDeps {
  store: SessionStore;
  sessions: SessionService;
  log: Log;
  now: () => number;
}

export type TableAnswer = { table: number; ok: true } | { table: number; ok: false; message: string };

export class ClassService {
  private readonly classes = new Map<string, ClassRecord>();
  private readonly placements = new Placements();

  constructor(private readonly deps: ClassDeps) {
    // A class none of whose tables is stored any more (deleted, or idle past retention) goes too.
    const stored = new Set(deps.store.list().map((m) => m.code));
    for (const record of deps.store.listClasses()) {
      if (record.tables.some((code) => stored.has(code))) this.classes.set(record.code, record);
      else deps.store.deleteClass(record.code);
    }
    // A session never takes a class's code, nor a class a session's.
    deps.sessions.otherCodeTaken = (code) => this.classes.has(code);
  }

  /** Opens `tables` sessions of the same scenario and lesson under one class code. All or nothing. */
  async create(
    request: { scenario: Scenario; actions: readonly ClientAction[]; lesson: Lesson },
    tables: number,
  ): Promise<{ code: string; hostKey: string; tables: string[] }> {
    const hostKey = mintSecret();
    const codes: string[] = [];
    try {
      for (let i = 0; i < tables; i++) {
        const made = await this.deps.sessions.create(
          request.scenario,
          this.deps.now(),
          request.actions,
          request.lesson,
          hostKey,
        );
        codes.push(made.code);
      }
    } catch (e) {
      for (const code of codes) await this.deps.sessions.delete(code);
      throw e;
    }
    const record: ClassRecord = {
      code: this.deps.sessions.freshCode(),
      hostTokenHash: sha256Hex(hostKey),
      title: request.scenario.title,
      tables: codes,
      createdAt: this.deps.now(),
      compareShown: false,
    };
    this.deps.store.saveClass(record);
    this.classes.set(record.code, record);
    this.deps.log.info({ class: record.code, tables: codes.length }, "class created");
    return { code: record.code, hostKey, tables: codes };
  }

  get(code: string): ClassRecord | null {
    return this.classes.get(code) ?? null;
  }

  /** Whether `key` is the class's host key (compared in constant time, like a session's). */
  holdsKey(record: ClassRecord, key: unknown): boolean {
    return secretMatchesHash(key, record.hostTokenHash);
  }

  /** Each table's state in table order (null for a table that was deleted). */
  async states(record: ClassRecord): Promise<(SessionState | null)[]> {
    return Promise.all(record.tables.map((code) => this.deps.sessions.state(code)));
  }

  /** The code of the table the next student sits at, or null when no table takes students. */
  async seat(record: ClassRecord): Promise<string | null> {
    const states = await this.states(record);
    const counts = states.flatMap((s, i) =>
      s ? [{ code: record.tables[i]!, seated: studentsAt(s), joinable: tableTakesStudents(s) }] : [],
    );
    return this.placements.place(counts, this.deps.now());
  }

  /** The table whose seat holds this rejoin code, or null. */
  async tableOfRejoinCode(record: ClassRecord, rejoinCode: string): Promise<string | null> {
    const states = await this.states(record);
    const i = states.findIndex((s) => s?.seats.some((x) => x.role === "delegate" && x.rejoinCode === rejoinCode));
    return i >= 0 ? record.tables[i]! : null;
  }

  /** The same host action at every table, each answering for itself. */
  async runTogether(record: ClassRecord, action: ClientAction): Promise<TableAnswer[]> {
    const answers: TableAnswer[] = [];
    for (const [i, code] of record.tables.entries()) {
      const live = await this.deps.sessions.wake(code);
      if (!live) {
        answers.push({ table: i + 1, ok: false, message: "This table was deleted." });
        continue;
      }
      const done = live.hostSetup([action]);
      answers.push(done.ok ? { table: i + 1, ok: true } : { table: i + 1, ok: false, message: done.message });
    }
    return answers;
  }

  /** The host shows (or hides again) the compared debrief before every table reaches the debrief. */
  showCompare(record: ClassRecord, shown: boolean): ClassRecord {
    const next = { ...record, compareShown: shown };
    this.deps.store.saveClass(next);
    this.classes.set(next.code, next);
    return next;
  }
}
