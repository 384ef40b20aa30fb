// Several server processes as one: Colyseus's RedisPresence (messages between
// processes) and RedisDriver (the shared room listing), used only when a
// Redis URL is given. Each process keeps its own SQLite store, so a session's
// room must live on the process whose store holds it: rooms are always
// created on the process that asks (Colyseus would otherwise send a new room
// to the process with the fewest rooms, which has never heard of it).
import { RedisDriver, RedisPresence, matchMaker, type Presence } from "colyseus";

export interface RedisScale {
  presence: Presence;
  driver: unknown;
  selectProcessIdToCreateRoom: () => Promise<string>;
}

export function redisScale(url: string): RedisScale {
  return {
    presence: new RedisPresence(url),
    driver: new RedisDriver(url),
    selectProcessIdToCreateRoom: async () => matchMaker.processId,
  };
}
