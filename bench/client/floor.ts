// The floor under client.soak.patch_to_paint: the same probe, the same 4x
// CPU throttle and the same pace of socket messages (two a second), on a page
// that only writes each message into one paragraph. What is left is the
// browser's own path from a message to a painted frame, on this machine.
//
//   node --import tsx bench/client/floor.ts [seconds=60] [throttle=4]
import { createServer } from "node:http";
import { WebSocketServer } from "ws";
import { launchChromium } from "../../tools/chromium.ts";
import { percentile, round } from "../lib/stats.ts";
import { LATENCY_PROBE } from "./soak.ts";

const seconds = Number(process.argv[2] ?? 60);
const throttle = Number(process.argv[3] ?? 4);
const PAGE = `<!doctype html><title>floor</title><p id="last">none</p><script>
new WebSocket("ws://" + location.host).onmessage = (e) => { document.getElementById("last").textContent = e.data; };
</script>`;

const http = createServer((_req, res) => {
  res.setHeader("content-type", "text/html");
  res.end(PAGE);
});
const sockets = new WebSocketServer({ server: http });
await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
const { port } = http.address() as { port: number };
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.addInitScript(LATENCY_PROBE);
  await page.goto(`http://127.0.0.1:${port}/`);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  let n = 0;
  const pace = setInterval(() => {
    for (const s of sockets.clients) s.send(`message ${++n}`);
  }, 500);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  clearInterval(pace);
  const latencies = (await page.evaluate(`[...window.__soakLatencies]`)) as number[];
  console.log(
    JSON.stringify({
      throttle,
      messages: latencies.length,
      patch_to_paint_floor_p50_ms: round(percentile(latencies, 50)),
      patch_to_paint_floor_p95_ms: round(percentile(latencies, 95)),
    }),
  );
} finally {
  await browser.close();
  sockets.close();
  http.close();
}
