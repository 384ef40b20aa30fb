// Where the class code seats a student: at the emptiest table (fewest
// students; ties go to the earlier table). Students arriving together are
// placed before their seats show in any table's state, so each placement is
// remembered for a short while and counted until the seat appears.
import type { SessionState } from "../../shared/state.ts";
import { LIMITS } from "../../shared/limits.ts";

/** The students seated at a table: delegates played by people (not the host, a projector or the computer). */
export const studentsAt = (state: SessionState): number =>
  state.seats.filter((s) => s.role === "delegate" && s.computer === undefined).length;

/** Whether the class code may still seat someone at this table. */
export const tableTakesStudents = (state: SessionState): boolean =>
  !state.locked && !state.ended && !state.lesson?.adjourned && state.seats.length < LIMITS.seatsPerSession;

export interface TableCount {
  code: string;
  /** Students seated now. */
  seated: number;
  joinable: boolean;
}

// Long enough for a student's join to reach the table after the class code placed them.
const PLACED_FOR_MS = 20_000;

export class Placements {
  /** Table code → placements still counted, oldest first, each with the table's count when it was made. */
  private readonly recent = new Map<string, { at: number; seatedThen: number }[]>();

  constructor(private readonly forMs = PLACED_FOR_MS) {}

  /**
   * Students at the table as far as seating goes: those seated, or, if more, those seated when a recent
   * placement was made plus it and every placement after it (so a placed student who has since joined is
   * not counted twice).
   */
  count(table: string, seated: number, now: number): number {
    const list = (this.recent.get(table) ?? []).filter((p) => now - p.at < this.forMs);
    if (list.length === 0) this.recent.delete(table);
    else this.recent.set(table, list);
    return list.reduce((most, p, i) => Math.max(most, p.seatedThen + list.length - i), seated);
  }

  /** The table for the next student, remembered as placed there; null when no table takes students. */
  place(tables: readonly TableCount[], now: number): string | null {
    let best: { code: string; count: number } | null = null;
    for (const t of tables) {
      if (!t.joinable) continue;
      const count = this.count(t.code, t.seated, now);
      if (!best || count < best.count) best = { code: t.code, count };
    }
    if (!best) return null;
    const seated = tables.find((t) => t.code === best.code)!.seated;
    const list = this.recent.get(best.code) ?? [];
    list.push({ at: now, seatedThen: seated });
    // No table holds more seats than this: a script sending the class code over and over grows nothing past it.
    if (list.length > LIMITS.seatsPerSession) list.shift();
    this.recent.set(best.code, list);
    return best.code;
  }
}
