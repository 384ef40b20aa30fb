// The load generator, as its own process: scripted colyseus.js clients for
// the Accord rooms, the baseline rooms, or a join storm. The parent tells it
// what to do step by step and reads its figures (and its own CPU, since it
// shares the machine with the server).
import { serveParent } from "../lib/child.ts";
import { UsageWindow } from "../lib/usage.ts";
import { AccordLoad } from "./accord-load.ts";
import { BaselineLoad } from "./baseline-load.ts";
import { joinStorm } from "./storm.ts";

const usage = new UsageWindow();
let accord: AccordLoad | null = null;
let baseline: BaselineLoad | null = null;

serveParent({
  "accord-join": (b) => {
    accord = new AccordLoad(String(b.url).replace(/^http/, "ws"));
    return accord.join(
      b.sessions as { code: string; hostKey: string }[],
      Number(b.delegates),
      Number(b.concurrency ?? 20),
    );
  },
  "accord-setup": () => accord!.setup(),
  "accord-run": (b) => {
    usage.mark();
    return accord!.run(Number(b.seconds), Number(b.seed ?? 1));
  },
  "baseline-join": (b) => {
    baseline = new BaselineLoad(String(b.url).replace(/^http/, "ws"));
    return baseline.join(b.roomIds as string[], Number(b.clients), Number(b.concurrency ?? 20));
  },
  "baseline-run": (b) => {
    usage.mark();
    return baseline!.run(Number(b.seconds), Number(b.seed ?? 1));
  },
  storm: (b) =>
    joinStorm(
      String(b.url).replace(/^http/, "ws"),
      String(b.code),
      Number(b.clients),
      Number(b.windowS),
      Number(b.seed ?? 1),
    ),
  usage: () => usage.read(),
  stop: async () => {
    await accord?.leave();
    await baseline?.leave();
    return true;
  },
});
