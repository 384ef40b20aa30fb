// A room's listing in the shared driver carries its session's public facts
// (title, phase, seats per delegation, whether it can be joined), so another
// process can answer for it (server/scale/listing.ts).
import type { SessionState } from "../../shared/state.ts";
import { publicFacts } from "../room/public-facts.ts";

/** Keeps a room's listing metadata equal to its session's public facts; writes only when they change. */
export class ListingFacts {
  private last = "";
  constructor(private readonly room: { setMetadata(meta: Record<string, unknown>): Promise<unknown> | unknown }) {}

  sync(state: SessionState): void {
    const facts = publicFacts(state);
    const key = JSON.stringify(facts);
    if (key === this.last) return;
    this.last = key;
    // The listing is a copy for other processes; the journal has already made the change durable.
    void Promise.resolve(this.room.setMetadata({ facts })).catch(() => undefined);
  }
}
