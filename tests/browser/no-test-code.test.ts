// The production build carries no test code: the page's test hook, the
// ?test=1 switch that exposed the welcome (with its seat token) and the
// test-only link methods exist only in the test build (dist/client-test).
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { PRODUCTION_BUILD, TEST_BUILD } from "./build.ts";

const ROOT = resolve(import.meta.dirname, "..", "..");
const HOOK_STRINGS = [
  "__accord",
  "exposeForTests",
  "test-hook",
  "dropForTest",
  "receiveForTest",
  "dropConnection",
  "canvasTexts",
  "test=1",
  "test: connection dropped",
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const found = (dir: string) =>
  files(dir).flatMap((f) => {
    const text = readFileSync(f, "utf8");
    return HOOK_STRINGS.filter((s) => text.includes(s)).map((s) => `${f.slice(ROOT.length + 1)}: ${s}`);
  });

describe("production build", () => {
  // Both builds were made from the current sources by the tests' global setup.
  test("dist/client has no test hook, while the test build does", () => {
    const prod = PRODUCTION_BUILD;
    expect(files(prod).some((f) => f.endsWith(".js"))).toBe(true);
    expect(found(prod)).toEqual([]);
    // The search would find the hook if it were there: the test build has it.
    expect(found(TEST_BUILD).length).toBeGreaterThan(0);
  });
});
