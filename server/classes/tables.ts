// What the class console shows of each table: its phase, its timer, who is
// present. For the host only (it names the table's code and the seats).
import type { SessionState } from "../../shared/state.ts";
import { PHASE_TITLES } from "../../shared/phases.ts";
import type { TableSummary } from "../../shared/class-view.ts";

export function tableSummary(table: number, code: string, s: SessionState | null): TableSummary {
  if (!s)
    return {
      table,
      code,
      exists: false,
      phase: null,
      phaseTitle: "Deleted",
      timer: { state: "off" },
      locked: false,
      ended: true,
      adjourned: false,
      hostHere: false,
      students: [],
      computers: [],
      signatures: 0,
    };
  const delegation = (id: string | null) => s.scenario.delegations.find((d) => d.id === id)?.name ?? "Not placed yet";
  const heads = new Set(Object.values(s.heads));
  return {
    table,
    code,
    exists: true,
    phase: s.phase,
    phaseTitle: PHASE_TITLES[s.phase],
    timer: s.timer,
    locked: s.locked,
    ended: s.ended,
    adjourned: s.lesson?.adjourned === true,
    hostHere: s.seats.some((x) => x.role === "host" && x.connected),
    students: s.seats
      .filter((x) => x.role === "delegate" && x.computer === undefined)
      .map((x) => ({
        name: x.name,
        delegation: delegation(x.delegation),
        connected: x.connected,
        head: heads.has(x.id),
      })),
    computers: s.seats.filter((x) => x.computer !== undefined).map((x) => delegation(x.delegation)),
    signatures: s.signatures.length,
  };
}
