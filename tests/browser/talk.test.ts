// Private talk that stays private (issue 12, findings 1 and 6): opening a
// private channel takes the writer into it, the box always says where a line
// goes, and the other side sees an unread count and a quiet notice.
import { afterAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import type { AccordServer } from "../../server/app.ts";
import { joinByLink, withBrowserAndServer } from "./harness.ts";
import { SessionLink } from "../../client/net/connection.ts";

let server: AccordServer;
let browser: Browser;
withBrowserAndServer((s, b) => {
  server = s;
  browser = b;
});
const links: SessionLink[] = [];
afterAll(async () => {
  for (const l of links) await l.leave();
});

/** The chair says a line on the floor, once the one before was accepted: a burst would meet the rate limit. */
const chairSays = (host: SessionLink, text: string) =>
  new Promise<void>((resolve, reject) =>
    host.act(
      { type: "say", channel: "floor", text },
      { onAccepted: resolve, onRefused: (r) => reject(new Error(r.code)) },
    ),
  );

describe("talk", () => {
  test("a private channel opened is where the next line goes, and the other side is told", async () => {
    const { code, hostKey } = await server.createSession();
    const host = await SessionLink.open(code, { hostKey }, server.url.replace(/^http/, "ws"));
    links.push(host);
    const wei = await joinByLink(browser, server, code, "Wei", "china");
    const anna = await joinByLink(browser, server, code, "Anna", "russia");
    host.act({ type: "phase.next" });
    host.act({ type: "phase.next" });
    await expect.poll(() => wei.locator("[data-scene]").getAttribute("data-scene")).toBe("negotiation");

    // On the floor, the box says so.
    await expect.poll(() => wei.textContent("#say-to")).toBe("To: everyone on the floor");

    // Wei opens a channel with Russia: the talk panel goes there, and the box says where.
    await wei.click(".open-channel summary");
    await wei.locator(".open-channel label", { hasText: "Russia" }).locator("input").check();
    await wei.getByRole("button", { name: "Open channel" }).click();
    await expect.poll(() => wei.textContent("#say-to")).toBe("To: Russia (private)");
    await expect.poll(() => wei.locator('#talk [role="tab"][aria-selected="true"]').textContent()).toContain("Private");
    // The writer can type at once: the box has the focus.
    await wei.keyboard.type("Our red line is data localisation.");
    await wei.keyboard.press("Enter");
    await expect
      .poll(() => wei.locator("#talk .messages").textContent())
      .toContain("Our red line is data localisation.");

    // Anna: not on her floor; an unread count on the private tab and a quiet notice.
    const privateTab = anna.locator('#talk [role="tab"]', { hasText: "Private" });
    await expect.poll(() => privateTab.locator(".unread").textContent()).toBe("1");
    expect(await privateTab.getAttribute("aria-label")).toContain("1 unread");
    await expect.poll(() => anna.locator(".toasts").textContent()).toContain("Private message from China");
    expect(await anna.locator("#talk .messages").textContent()).not.toContain("data localisation");
    expect(await anna.textContent("#say-to")).toBe("To: everyone on the floor");

    // She opens it: the line is there, the count is gone, and her box says where her answer goes.
    await privateTab.click();
    await expect
      .poll(() => anna.locator("#talk .messages").textContent())
      .toContain("Our red line is data localisation.");
    await expect.poll(() => privateTab.locator(".unread").count()).toBe(0);
    expect(await anna.textContent("#say-to")).toBe("To: China (private)");

    // The floor shows an unread count when someone else speaks there while she is away.
    await wei.locator('#talk [role="tab"]', { hasText: "Floor" }).click();
    await wei.fill("#say-text", "Shall we start with schools and hospitals?");
    await wei.keyboard.press("Enter");
    const floorTab = anna.locator('#talk [role="tab"]', { hasText: "Floor" });
    await expect.poll(() => floorTab.locator(".unread").textContent()).toBe("1");
    // Her own lines never count as unread for her.
    await anna.fill("#say-text", "Agreed, privately.");
    await anna.keyboard.press("Enter");
    await expect
      .poll(() => wei.locator('#talk [role="tab"]', { hasText: "Private" }).locator(".unread").textContent())
      .toBe("1");
    expect(await privateTab.locator(".unread").count()).toBe(0);
  });

  test("the line list follows new lines while the reader is at the bottom, and stays put while they read back", async () => {
    const { code, hostKey } = await server.createSession();
    const host = await SessionLink.open(code, { hostKey }, server.url.replace(/^http/, "ws"));
    links.push(host);
    const wei = await joinByLink(browser, server, code, "Wei", "china");
    host.act({ type: "phase.next" });
    host.act({ type: "phase.next" });
    await expect.poll(() => wei.locator("[data-scene]").getAttribute("data-scene")).toBe("negotiation");
    const say = (text: string) => chairSays(host, text);
    // Long lines, few of them: enough to overflow the list, within one connection's burst allowance.
    const long = "We propose that no state attack schools, hospitals or the power grid, in peace or in war. ".repeat(2);
    // Wei reads the talk (on a phone it is two screens below the provisions).
    const list = wei.locator("#talk .messages");
    await list.scrollIntoViewIfNeeded();
    for (let i = 1; i <= 12; i++) await say(`Line ${i} from the chair. ${long}`);
    await expect.poll(() => list.textContent()).toContain("Line 12 from the chair.");
    // At the bottom: the newest line is in view.
    const atBottom = () => list.evaluate((l) => l.scrollTop + l.clientHeight >= l.scrollHeight - 2);
    await expect.poll(atBottom).toBe(true);
    await say("Line 13 from the chair.");
    await expect.poll(() => list.textContent()).toContain("Line 13");
    await expect.poll(atBottom).toBe(true);
    // Reading back: a new line does not pull the list away from what is being read.
    expect(await list.evaluate((l) => l.scrollHeight > l.clientHeight * 2)).toBe(true);
    await list.evaluate((l) => {
      l.scrollTop = 0;
    });
    await expect.poll(() => list.evaluate((l) => l.scrollTop)).toBe(0);
    await say("Line 14 from the chair.");
    await expect.poll(() => list.textContent()).toContain("Line 14");
    await wei.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await list.evaluate((l) => l.scrollTop)).toBe(0);
  });

  test("far below a phone's screen the lines wait to be drawn; a screen reader still hears them, and they are there when read", async () => {
    const { code, hostKey } = await server.createSession();
    const host = await SessionLink.open(code, { hostKey }, server.url.replace(/^http/, "ws"));
    links.push(host);
    // A short phone: the talk starts well over half a screen below the top of the page.
    const wei = await joinByLink(browser, server, code, "Wei", "china", { width: 360, height: 560 });
    host.act({ type: "phase.next" });
    host.act({ type: "phase.next" });
    await expect.poll(() => wei.locator("[data-scene]").getAttribute("data-scene")).toBe("negotiation");
    const list = wei.locator("#talk .messages");
    const lines = list.locator("li.message");
    const heard = wei.locator("#talk p[aria-live]");
    await expect.poll(() => list.evaluate((l) => l.getBoundingClientRect().top - innerHeight)).toBeGreaterThan(280);

    // The chair speaks while Wei reads the provisions: the line is not drawn where nobody can see it,
    // but a screen reader is told it.
    const say = (text: string) => chairSays(host, text);
    const long = "We propose that no state attack schools, hospitals or the power grid. ".repeat(2);
    for (let i = 1; i <= 8; i++) await say(`Line ${i} from the chair. ${long}`);
    await expect.poll(() => heard.textContent()).toContain("Line 8 from the chair.");
    // In the words the line shows.
    expect(await heard.textContent()).toBe(await lines.last().textContent());
    await expect.poll(() => lines.count()).toBe(8);
    expect(await lines.last().evaluate((l) => l.checkVisibility())).toBe(false);

    // Wei scrolls down to the talk: every line is drawn, and the list shows the newest.
    await list.scrollIntoViewIfNeeded();
    await expect.poll(() => lines.last().evaluate((l) => l.checkVisibility())).toBe(true);
    expect(await lines.last().textContent()).toContain("Line 8 from the chair.");
    await expect
      .poll(() =>
        list.evaluate((l) => l.scrollHeight > l.clientHeight && l.scrollTop + l.clientHeight >= l.scrollHeight - 2),
      )
      .toBe(true);

    // Near the screen, lines are drawn as they come, and the list's own live region announces them.
    const heardBefore = await heard.textContent();
    await say("Line 9 from the chair.");
    await expect.poll(() => lines.last().textContent()).toContain("Line 9 from the chair.");
    expect(await lines.last().evaluate((l) => l.checkVisibility())).toBe(true);
    expect(await list.getAttribute("aria-live")).toBe("polite");
    expect(await heard.textContent()).toBe(heardBefore);
  });
});
