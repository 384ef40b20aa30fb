// The baseline server, as its own process: Colyseus with the plain chat room
// (bench/server/baseline-room.ts) on 127.0.0.1, the same transport as Accord.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Server, matchMaker } from "colyseus";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { serveParent } from "../lib/child.ts";
import { UsageWindow } from "../lib/usage.ts";
import { BaselineRoom } from "./baseline-room.ts";

const httpServer = http.createServer();
const gameServer = new Server({
  transport: new WebSocketTransport({ server: httpServer }),
  greet: false,
  gracefullyShutdown: false,
});
gameServer.define("chat", BaselineRoom);
await gameServer.listen(0, "127.0.0.1");
const port = (httpServer.address() as AddressInfo).port;
const usage = new UsageWindow();

serveParent({
  info: () => ({ url: `http://127.0.0.1:${port}`, port, pid: process.pid }),
  create: async (b) => {
    const ids: string[] = [];
    for (let i = 0; i < Number(b.n ?? 1); i++) ids.push((await matchMaker.createRoom("chat", {})).roomId);
    return ids;
  },
  mark: () => usage.mark(),
  usage: () => usage.read(),
  stop: async () => {
    usage.stop();
    await gameServer.gracefullyShutdown(false);
    httpServer.closeAllConnections();
    return true;
  },
});
