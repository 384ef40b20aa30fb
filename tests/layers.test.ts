// Imports go one way: shared rules at the bottom; content and the pages above
// them; the server on top; tests, bench and tools/ (what both drive Accord with)
// outside. A file that imports the wrong way pulls a layer's dependencies into
// another (Express into the room, test helpers into the bench).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

// `import ... from "x"`, `export ... from "x"`, `import("x")`; type-only imports
// are kept apart: they vanish at run time, so they pull no code in.
const IMPORT = /^\s*(import|export)\s+(type\s+)?[^;]*?\sfrom\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm;

interface Import {
  target: string;
  typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  return [...readFileSync(file, "utf8").matchAll(IMPORT)].map((m) => {
    const spec = m[3] ?? m[4]!;
    const target = spec.startsWith(".") ? normalize(join(dirname(file), spec)) : spec;
    return { target, typeOnly: m[2] !== undefined };
  });
}

const top = (path: string) => path.split(/[\\/]/)[0]!;
const LOCAL = /^(server|client|shared|content|tests|bench|tools)[\\/]/;

/** Which top-level folders each folder may import from. */
const MAY_IMPORT: Record<string, string[]> = {
  shared: ["shared"],
  content: ["content", "shared"],
  client: ["client", "shared"],
  server: ["server", "shared", "content"],
  tools: ["tools", "shared", "content"],
  bench: ["bench", "tools", "shared", "content", "server", "client"],
};

/** Value imports reachable from `start`, following local files only. */
function reachable(start: string): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop()!;
    for (const { target, typeOnly } of importsOf(file)) {
      if (typeOnly || seen.has(target)) continue;
      seen.add(target);
      if (LOCAL.test(target)) queue.push(target);
    }
  }
  return seen;
}

describe("import direction", () => {
  const folders = Object.keys(MAY_IMPORT);
  const files = folders.flatMap((f) => tsFiles(f));

  it("reads the imports of every layer", () => {
    expect(importsOf("server/app.ts").some((i) => i.target === join("server", "sessions.ts"))).toBe(true);
    expect(importsOf("server/room/errors.ts")).toContainEqual({ target: "colyseus", typeOnly: false });
    expect(files.length).toBeGreaterThan(100);
  });

  it("each folder imports only from the layers below it", () => {
    const wrong = files.flatMap((file) =>
      importsOf(file)
        .filter((i) => LOCAL.test(i.target) && !MAY_IMPORT[top(file)]!.includes(top(i.target)))
        .map((i) => `${file} -> ${i.target}`),
    );
    expect(wrong).toEqual([]);
  });

  it("the room and the session do not pull in the HTTP side (Express, the QR code, server/http)", () => {
    const pulled = [join("server", "room", "session-room.ts"), join("server", "room", "session.ts")].flatMap((entry) =>
      [...reachable(entry)].filter((t) => t === "express" || t === "qrcode" || t.startsWith(join("server", "http"))),
    );
    expect(pulled).toEqual([]);
  });

  it("the HTTP side does not pull in Colyseus (a refused join's number is the protocol's, not the room's)", () => {
    const pulled = tsFiles(join("server", "http")).flatMap((file) =>
      [...reachable(file)].filter((t) => t === "colyseus" || t.startsWith("@colyseus/")).map((t) => `${file} -> ${t}`),
    );
    expect(pulled).toEqual([]);
  });
});
