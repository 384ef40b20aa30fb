// Time to a usable page in headless Chromium (Debian's, through
// playwright-core; never a browser download). From navigation to the join
// page being usable (its script ran and the name field takes input), then
// from pressing Join to the table being ready (the Phaser scene has drawn).
// The Accord server runs as its own process; each try is a fresh browser
// context (a first visit: nothing cached).
import { launchChromium } from "../../tools/chromium.ts";
import { performance } from "node:perf_hooks";
import { spawnChild } from "../lib/child.ts";
import { median, round } from "../lib/stats.ts";

// Run inside the page, so written as page code (this file is Node code and
// compiles without the DOM). What a person sees, read from the production page
// (it has no test hook): the join page's name field takes input; the game's
// table canvas is drawn at its size and the phase's panel is filled.
const JOIN_READY = `(() => {
  const name = document.getElementById("name");
  return name !== null && !name.disabled && name.offsetParent !== null;
})()`;
const TABLE_READY = `(() => {
  const canvas = document.querySelector("#stage canvas");
  const panel = document.getElementById("panel");
  return !!document.querySelector("[data-scene]") && !!canvas && canvas.width > 0 && !!panel && panel.childElementCount > 0;
})()`;

export interface BrowserTimes {
  join_ready_ms: number;
  table_ready_ms: number;
  tries: number;
  join_ready_runs_ms: number[];
  table_ready_runs_ms: number[];
}

export async function measureBrowser(tries: number): Promise<BrowserTimes> {
  const server = await spawnChild(new URL("../server/accord-server.ts", import.meta.url));
  const browser = await launchChromium();
  const joinRuns: number[] = [];
  const tableRuns: number[] = [];
  try {
    const { url } = await server.request<{ url: string }>("info");
    const sessions = await server.request<{ code: string }[]>("create", { n: 1 });
    const code = sessions[0]!.code;
    for (let i = 0; i < tries + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      const t0 = performance.now();
      await page.goto(`${url}/j/${code}`, { waitUntil: "commit" });
      await page.waitForFunction(JOIN_READY, undefined, { polling: 10 });
      const joinReady = performance.now() - t0;
      await page.fill("#name", `Reader ${i + 1}`);
      const t1 = performance.now();
      await page.click("#join-button");
      await page.waitForFunction(TABLE_READY, undefined, { polling: 10 });
      const tableReady = performance.now() - t1;
      await context.close();
      // The first try warms the server and the browser's process pool; it is not counted.
      if (i === 0) continue;
      joinRuns.push(round(joinReady));
      tableRuns.push(round(tableReady));
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return {
    join_ready_ms: round(median(joinRuns)),
    table_ready_ms: round(median(tableRuns)),
    tries,
    join_ready_runs_ms: joinRuns,
    table_ready_runs_ms: tableRuns,
  };
}
