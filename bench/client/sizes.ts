// What a student's browser downloads: the JavaScript of the join page (the
// entry script of dist/client/index.html and every chunk it imports
// statically: what loads before anyone presses Join) and of the whole game
// (every .js file of the build, Phaser included). Sizes are gzip at zlib's
// default level, as a web server or proxy would send them.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { gzipSync } from "node:zlib";

export const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "..", "..");
export const DIST = join(ROOT, "dist", "client");

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const gz = (file: string) => gzipSync(readFileSync(file)).byteLength;

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the client (as `npm run build`) when dist/client is missing or older than client/ or shared/. */
export function ensureBuilt(): { built: boolean } {
  const page = join(DIST, "index.html");
  const stale =
    !existsSync(page) || Math.max(newest(join(ROOT, "client")), newest(join(ROOT, "shared"))) > statSync(page).mtimeMs;
  if (!stale) return { built: false };
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules", "vite", "bin", "vite.js"),
      "build",
      "--config",
      "client/vite.config.ts",
      "--logLevel",
      "warn",
    ],
    { cwd: ROOT, encoding: "utf8", timeout: 300_000 },
  );
  if (run.status !== 0) throw new Error(`vite build failed:\n${run.stdout}\n${run.stderr}`);
  return { built: true };
}

/** Static imports of a built chunk (`import … from "./x.js"`, `export … from`, bare `import "./x.js"`), not `import()`. */
function staticImports(code: string): string[] {
  const found: string[] = [];
  const re = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+\.js)["']/g;
  for (const m of code.matchAll(re)) found.push(m[1]!);
  return found;
}

export interface ClientSizes {
  join_gzip_kb: number;
  join_files: string[];
  game_gzip_kb: number;
  game_raw_kb: number;
  game_files: number;
}

export function measureSizes(): ClientSizes {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const entries = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]!);
  const seen = new Set<string>();
  const queue = entries.map((src) => join(DIST, src.replace(/^\//, "")));
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const spec of staticImports(readFileSync(file, "utf8")))
      queue.push(spec.startsWith("/") ? join(DIST, spec.slice(1)) : resolve(dirname(file), spec));
  }
  const all: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith(".js")) all.push(p);
    }
  };
  walk(DIST);
  return {
    join_gzip_kb: kb([...seen].reduce((n, f) => n + gz(f), 0)),
    join_files: [...seen].map((f) => relative(DIST, f)),
    game_gzip_kb: kb(all.reduce((n, f) => n + gz(f), 0)),
    game_raw_kb: kb(all.reduce((n, f) => n + statSync(f).size, 0)),
    game_files: all.length,
  };
}
