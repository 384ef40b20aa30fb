// Builds the client for the browser tests: the test build (vite --mode test,
// with the page's test hook) into dist/client-test, which the tests' servers
// serve (ACCORD_CLIENT_DIR, vitest.config.ts); and the production build on demand.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..", "..");

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export const TEST_BUILD = join(ROOT, "dist", "client-test");
export const PRODUCTION_BUILD = join(ROOT, "dist", "client");

/**
 * Builds dist/client-test and dist/client, each only if a client or shared
 * source is newer than it. Both are built here, once, before the suites run in
 * parallel: a suite that rebuilt one would empty it under another's reads.
 */
export function ensureClientBuilt(): void {
  const sources = Math.max(newest(join(ROOT, "client")), newest(join(ROOT, "shared")));
  for (const [dir, mode] of [
    [TEST_BUILD, "test"],
    [PRODUCTION_BUILD, "production"],
  ] as const) {
    const built = join(dir, "index.html");
    if (!existsSync(built) || sources > statSync(built).mtimeMs) viteBuild(mode);
  }
}

/** Runs `vite build` in a mode ("production" writes dist/client, "test" dist/client-test). */
function viteBuild(mode: "production" | "test"): void {
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules", "vite", "bin", "vite.js"),
      "build",
      "--config",
      "client/vite.config.ts",
      "--mode",
      mode,
      "--logLevel",
      "warn",
    ],
    { cwd: ROOT, encoding: "utf8", timeout: 180_000 },
  );
  if (run.status !== 0) throw new Error(`vite build failed:\n${run.stdout}\n${run.stderr}`);
}
