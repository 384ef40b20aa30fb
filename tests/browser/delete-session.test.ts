// The teacher deletes a session from the console: the console says it is gone,
// a student's page says so in plain words, and the server keeps nothing of it.
import { describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import type { AccordServer } from "../../server/app.ts";
import { joinByLink, openHostConsole, withBrowserAndServer } from "./harness.ts";

let server: AccordServer;
let browser: Browser;
withBrowserAndServer((s, b) => ([server, browser] = [s, b]));

describe("deleting a session from the host console", () => {
  test("asks first, then removes it for everyone", async () => {
    const { page: host, code } = await openHostConsole(browser, server);
    const wei = await joinByLink(browser, server, code, "Wei", "china");

    // The harness answers every dialog "OK"; here the teacher first says "Cancel", and nothing changes.
    host.removeAllListeners("dialog");
    const asked: string[] = [];
    host.once("dialog", (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await host.click("#delete-session");
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain("cannot be undone");
    expect((await fetch(`${server.url}/api/sessions/${code}`)).status).toBe(200);

    host.once("dialog", (d) => void d.accept());
    await host.click("#delete-session");
    await expect.poll(() => host.textContent("h1")).toBe("Session deleted");
    await expect.poll(() => wei.textContent(".notice-area")).toMatch(/deleted/i);
    expect((await fetch(`${server.url}/api/sessions/${code}`)).status).toBe(404);
    expect(server.store.load(code)).toBeNull();
  });
});
