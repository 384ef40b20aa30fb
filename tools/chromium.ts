// Debian's headless Chromium as tests and bench launch it: never a browser
// download, and none of the background traffic this closed network refuses
// (stack.md, "Chromium, headless, as root on these machines").
import { chromium, type Browser } from "playwright-core";

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** playwright-core gives each launch a fresh user-data-dir and adds --headless itself. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, timeout: 30_000, args: ARGS });
}
