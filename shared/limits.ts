// Every bound on user input lives here, so the protocol, the rules and the
// client agree on them and the docs can quote them.
export const LIMITS = {
  displayName: 24,
  title: 120,
  provisionText: 2000,
  chatLine: 500,
  announcement: 500,
  amendmentNote: 300,
  /** One student's answer to one debrief question. */
  reflection: 600,
  /** Largest WebSocket message the server accepts, in bytes. */
  messageBytes: 4096,
  /** Largest scenario document accepted over HTTP, in bytes. */
  scenarioBytes: 512 * 1024,
  delegations: 12,
  /** Seats in one session: host, delegates and projectors together. */
  seatsPerSession: 400,
  instrumentsPerSession: 20,
  provisionsPerInstrument: 60,
  pendingAmendmentsPerProvision: 10,
  privateChannelsPerSession: 60,
  messagesPerChannel: 2000,
  /** Actions per client: a burst, then a steady rate per second. */
  rateBurst: 20,
  ratePerSecond: 5,
} as const;

export const PROTOCOL_VERSION = 1;
