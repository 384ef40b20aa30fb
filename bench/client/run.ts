// Section "client": download sizes and time to a usable page.
import { ensureBuilt, measureSizes, type ClientSizes } from "./sizes.ts";
import { measureBrowser, type BrowserTimes } from "./browser.ts";

export type ClientResult = ClientSizes & BrowserTimes & { rebuilt: boolean };

export async function benchClient(quick: boolean): Promise<ClientResult> {
  const { built } = ensureBuilt();
  const sizes = measureSizes();
  const times = await measureBrowser(quick ? 2 : 5);
  return { ...sizes, ...times, rebuilt: built };
}
