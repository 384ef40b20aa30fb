// Who a connection is: the join options resolved against the session state,
// before anything changes. A known seat comes back (host key, seat token,
// rejoin code); anyone else asks the rules for a new seat. A refusal carries
// the rules' code and plain words, and travels to the client as the reason
// its join failed.
import { DisplayName, JoinOptions, type RefusalCode } from "../../shared/protocol.ts";
import { RejoinCode } from "../../shared/ids.ts";
import type { SystemAction } from "../../shared/rules/api.ts";
import type { Seat, SessionState } from "../../shared/state.ts";
import { holdsHostKey, sha256Hex } from "../secrets.ts";
import type { JoinLimits } from "../limits/joins.ts";
import { judgeName } from "../names.ts";
import { timingSafeEqual } from "node:crypto";
import { parseUntrusted } from "./plain.ts";

export type JoinPlan =
  | { kind: "return"; seat: Seat; via: "hostKey" | "seatToken" | "rejoinCode" }
  | { kind: "new"; command: Extract<SystemAction, { type: "seat.join" }> };

export class JoinRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
  }
}

/** Who is knocking, for the limits on guessing rejoin codes (server/limits/joins.ts). */
export interface JoinDoor {
  ip: string;
  now: number;
  limits: JoinLimits;
}

const isHost = (seat: Seat) => seat.role === "host";

export function planJoin(state: SessionState, raw: unknown, door?: JoinDoor): JoinPlan {
  const parsed = parseUntrusted(JoinOptions, raw ?? {});
  if (!parsed.success) {
    const name = typeof raw === "object" && raw !== null ? (raw as { name?: unknown }).name : undefined;
    const nameProblem = typeof name === "string" ? DisplayName.safeParse(name).error?.issues[0]?.message : undefined;
    if (nameProblem) throw new JoinRefusal("NAME_NOT_ALLOWED", `That name cannot be used: ${nameProblem}.`);
    throw new JoinRefusal(
      "BAD_MESSAGE",
      "The join request was not understood. Join with a display name, a seat token, a rejoin code, a host key, or as an observer.",
    );
  }
  const options = parsed.data;
  if ("hostKey" in options) {
    const host = state.seats.find(isHost);
    if (!host || !holdsHostKey(state, options.hostKey)) {
      throw new JoinRefusal(
        "BAD_HOST_KEY",
        "That host link is not right for this session. Use the host link you got when you created it.",
      );
    }
    return { kind: "return", seat: host, via: "hostKey" };
  }
  if ("seatToken" in options) {
    const seat = findByHash(state.seats, sha256Hex(options.seatToken));
    if (!seat || isHost(seat)) {
      throw new JoinRefusal(
        "UNKNOWN_SEAT",
        "This device's seat is no longer in the session. Join again with your name.",
      );
    }
    return { kind: "return", seat, via: "seatToken" };
  }
  if ("rejoinCode" in options) {
    if (door && !door.limits.mayTryRejoin(state.code, door.ip, door.now)) {
      throw new JoinRefusal(
        "RATE_LIMITED",
        "Too many wrong rejoin codes from this network. Wait a few minutes, then ask your teacher to read it again.",
      );
    }
    const code = RejoinCode.safeParse(options.rejoinCode);
    // The host's own rejoin code never opens the host seat: only the host key does.
    const seat = code.success ? state.seats.find((s) => !isHost(s) && s.rejoinCode === code.data) : undefined;
    if (!seat) {
      if (door) door.limits.wrongRejoinCode(state.code, door.ip, door.now);
      throw new JoinRefusal("UNKNOWN_SEAT", "No seat has that rejoin code. Ask your teacher to read it out again.");
    }
    return { kind: "return", seat, via: "rejoinCode" };
  }
  if ("observer" in options) {
    return { kind: "new", command: { type: "seat.join", role: "observer", name: "Projector" } };
  }
  if (judgeName(options.name) !== "fine") {
    throw new JoinRefusal(
      "NAME_NOT_ALLOWED",
      "That name can't be used here: it holds a word on the school word list. Pick another display name.",
    );
  }
  return {
    kind: "new",
    command: {
      type: "seat.join",
      role: "delegate",
      name: options.name,
      ...(options.delegation ? { delegation: options.delegation } : {}),
    },
  };
}

/** Compares against every seat, so the time taken does not tell which seat came close. */
function findByHash(seats: readonly Seat[], hash: string): Seat | undefined {
  const wanted = Buffer.from(hash, "hex");
  let found: Seat | undefined;
  for (const seat of seats) {
    const have = Buffer.from(seat.token, "hex");
    if (have.length === wanted.length && timingSafeEqual(have, wanted)) found = seat;
  }
  return found;
}
