// What students are told about who reads their team and private channels:
// the same words on joining, above the talk panel and when a channel opens,
// so nobody is surprised when the debrief shows them to the class.
export interface PrivacyFacts {
  hostReadsTeamChannels: boolean;
  hostReadsPrivateChannels: boolean;
  /** The session setting chosen when hosting (lesson.revealChannels); true when absent. */
  revealChannels: boolean;
}

/** What students are told about the teacher reading their channels: exactly what the server lets the host read. */
function whoReads(team: boolean, priv: boolean): string {
  if (team && priv) return "Note: your teacher can read team channels and private channels.";
  if (team)
    return "Note: your teacher can read team channels. Private channels are private: your teacher cannot read them.";
  if (priv)
    return "Note: your teacher can read private channels. Team channels are private: your teacher cannot read them.";
  return "Team and private channels are private: your teacher cannot read them.";
}

export function privacyWords({
  hostReadsTeamChannels,
  hostReadsPrivateChannels,
  revealChannels,
}: PrivacyFacts): string {
  const teacher = whoReads(hostReadsTeamChannels, hostReadsPrivateChannels);
  const debrief = revealChannels
    ? "At the debrief, every team and private channel is shown to the whole class, on the projector too."
    : "They are not shown to the class at the debrief.";
  return `${teacher} ${debrief}`;
}

/** The facts of a session (or a view of it): sessions stored before the setting reveal, as they always did. */
export const privacyOf = (s: {
  scenario: { hostReadsTeamChannels: boolean; hostReadsPrivateChannels: boolean };
  lesson?: { revealChannels: boolean };
}): PrivacyFacts => ({
  hostReadsTeamChannels: s.scenario.hostReadsTeamChannels,
  hostReadsPrivateChannels: s.scenario.hostReadsPrivateChannels,
  revealChannels: s.lesson?.revealChannels !== false,
});
