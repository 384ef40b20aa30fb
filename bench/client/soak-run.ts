// Section "client.soak": the real server as its own process, Debian's
// headless Chromium, and one student's page through a busy lesson (soak.ts).
import { launchChromium } from "../../tools/chromium.ts";
import { spawnChild } from "../lib/child.ts";
import { ensureBuilt } from "./sizes.ts";
import { runSoak, type SoakResult } from "./soak.ts";

export async function benchClientSoak(
  minutes: number,
  throttledWindows: number,
  log: (line: string) => void,
): Promise<SoakResult> {
  ensureBuilt();
  const server = await spawnChild(new URL("../server/accord-server.ts", import.meta.url));
  const browser = await launchChromium();
  try {
    const { url } = await server.request<{ url: string }>("info");
    const [session] = await server.request<{ code: string; hostKey: string }[]>("create", { n: 1 });
    return await runSoak({
      url,
      session: session!,
      browser,
      minutes,
      throttledWindows,
      talkInView: true,
      watch: true,
      log,
    });
  } finally {
    await browser.close();
    await server.stop();
  }
}
