// Lines students were told stay private stay out of the exports (which are
// printed and projected): team or private channels the teacher may not read,
// and every team and private channel when the host chose, when hosting, that
// the debrief does not reveal them. Who spoke and when stays; the words go.
import type { SessionState } from "../../shared/state.ts";
import { privacyOf } from "../../shared/privacy.ts";
import type { JournalEntry } from "../store/types.ts";

export const WITHHELD = "[kept private]";

/** Ids of the channels whose lines an export leaves out. */
export function withheldChannels(state: SessionState): Set<string> {
  const { hostReadsTeamChannels, hostReadsPrivateChannels, revealChannels } = privacyOf(state);
  return new Set(
    state.channels
      .filter(
        (c) =>
          (c.kind === "private" && !hostReadsPrivateChannels) ||
          (c.kind === "team" && !hostReadsTeamChannels) ||
          (c.members !== null && !revealChannels),
      )
      .map((c) => c.id),
  );
}

export function withholdPrivateLines(
  state: SessionState,
  entries: readonly JournalEntry[],
): { state: SessionState; entries: readonly JournalEntry[] } {
  const withheld = withheldChannels(state);
  if (withheld.size === 0) return { state, entries };
  return {
    state: {
      ...state,
      channels: state.channels.map((c) =>
        withheld.has(c.id) ? { ...c, messages: c.messages.map((m) => ({ ...m, text: WITHHELD })) } : c,
      ),
    },
    entries: entries.map((e) =>
      e.command.type === "say" && withheld.has(e.command.channel)
        ? { ...e, command: { ...e.command, text: WITHHELD } }
        : e,
    ),
  };
}
