// The rules and the shared contracts run in the browser and replay the journal:
// they must not reach for the server's frameworks or Node's modules.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const FORBIDDEN =
  /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)["'](colyseus[^"']*|@colyseus\/[^"']*|phaser[^"']*|express[^"']*|node:[^"']*|fs|path|crypto|os|http|https|net|child_process)["']/g;

describe("shared/ purity", () => {
  const files = tsFiles("shared");
  it("finds the shared files, rules included", () => {
    expect(files.some((f) => f.endsWith(join("rules", "index.ts")))).toBe(true);
    expect(files.length).toBeGreaterThan(10);
  });
  it("no file under shared/ imports colyseus, phaser, express or node:*", () => {
    const offenders = files.flatMap((f) =>
      [...readFileSync(f, "utf8").matchAll(FORBIDDEN)].map((m) => `${f}: ${m[1]}`),
    );
    expect(offenders).toEqual([]);
  });
  it("the check itself catches a forbidden import", () => {
    expect('import { Room } from "colyseus";'.match(FORBIDDEN)).not.toBeNull();
    expect('import { createHash } from "node:crypto";'.match(FORBIDDEN)).not.toBeNull();
    expect('import * as Phaser from "phaser";'.match(FORBIDDEN)).not.toBeNull();
    expect('import { z } from "zod";'.match(FORBIDDEN)).toBeNull();
  });
});
