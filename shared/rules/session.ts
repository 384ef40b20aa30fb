// A new session: the host's seat, the standing channels and the open code.
import type { Scenario } from "../scenario.ts";
import type { SessionState } from "../state.ts";
import { DEFAULT_LESSON, type Lesson } from "../presets.ts";

export interface CreateSessionInput {
  scenario: Scenario;
  code: string;
  now: number;
  /** Hex SHA-256 of the host key: the raw key never enters the state. */
  hostTokenHash: string;
  hostRejoinCode: string;
  /** The preset and settings chosen when hosting (the plan itself is already in `scenario.phases`). */
  lesson?: Lesson;
}

export function createSession({
  scenario,
  code,
  now,
  hostTokenHash,
  hostRejoinCode,
  lesson,
}: CreateSessionInput): SessionState {
  return {
    code,
    scenario,
    decisionRule: scenario.decisionRule,
    createdAt: now,
    now,
    nextId: 2,
    phase: "briefing",
    timer: { state: "off" },
    locked: false,
    ended: false,
    seats: [
      {
        id: "s1",
        name: "Host",
        role: "host",
        delegation: null,
        token: hostTokenHash,
        rejoinCode: hostRejoinCode,
        connected: false,
        joinedAt: now,
        lastSeq: 0,
      },
    ],
    heads: Object.fromEntries(scenario.delegations.map((d) => [d.id, null])),
    instruments: [
      {
        id: "code",
        kind: "code",
        title: scenario.codeTitle,
        parties: null,
        openedBy: null,
        provisions: [],
        frozen: null,
      },
    ],
    provisions: [],
    amendments: [],
    signatures: [],
    channels: [
      { id: "floor", kind: "floor", title: "Floor", members: null, messages: [] },
      { id: "announcements", kind: "announcements", title: "Announcements", members: null, messages: [] },
      ...scenario.delegations.map((d) => ({
        id: `team-${d.id}`,
        kind: "team" as const,
        title: `${d.name} team`,
        members: [d.id],
        messages: [],
      })),
    ],
    injectsReleased: [],
    timeline: [],
    debrief: null,
    lesson: lesson ?? DEFAULT_LESSON,
  };
}
