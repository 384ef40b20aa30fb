// Patches apply only on top of the revision before them. After a gap the
// client drops patches and fetches the whole view again (it reconnects; a seat
// that comes back is sent its whole view).
import { afterAll, describe, expect, test } from "vitest";
import { ViewKeeper } from "../../client/net/view-keeper.ts";
import { SessionLink } from "../../client/net/connection.ts";
import { createAccordServer, type AccordServer } from "../../server/app.ts";
import type { SessionView } from "../../shared/view.ts";
import { quietLog } from "../../server/log.ts";

const base = () => ({ phase: "briefing", locked: false, list: [1] }) as unknown as SessionView;

describe("ViewKeeper", () => {
  test("the next revision applies", () => {
    const k = new ViewKeeper();
    k.whole(4, base());
    expect(k.patch(5, [{ op: "set", path: ["locked"], value: true }])).toBe("applied");
    expect(k.rev).toBe(5);
    expect((k.view as unknown as { locked: boolean }).locked).toBe(true);
  });

  test("a patch after a gap is not applied, nor any patch after it, until a whole view comes", () => {
    const k = new ViewKeeper();
    k.whole(4, base());
    const before = k.view;
    expect(k.patch(6, [{ op: "set", path: ["phase"], value: "debrief" }])).toBe("gap");
    expect(k.view).toBe(before);
    expect(k.rev).toBe(4);
    expect(k.stale).toBe(true);
    // Even the revision that would have followed is dropped: the view under it is unknown.
    expect(k.patch(5, [{ op: "push", path: ["list"], values: [2] }])).toBe("waiting");
    expect(k.patch(7, [{ op: "push", path: ["list"], values: [3] }])).toBe("waiting");
    expect(k.view).toBe(before);
    k.whole(9, { ...base(), phase: "opening" } as unknown as SessionView);
    expect(k.stale).toBe(false);
    expect(k.view?.phase).toBe("opening");
    expect(k.patch(10, [{ op: "set", path: ["locked"], value: true }])).toBe("applied");
  });

  test("a repeated or older revision is a gap too", () => {
    for (const rev of [3, 4]) {
      const k = new ViewKeeper();
      k.whole(4, base());
      expect(k.patch(rev, [{ op: "set", path: ["locked"], value: true }])).toBe("gap");
      expect((k.view as unknown as { locked: boolean }).locked).toBe(false);
    }
  });

  test("a whole view is taken whatever its revision (a moved delegate's new audience counts its own)", () => {
    const k = new ViewKeeper();
    k.whole(12, base());
    k.whole(2, { ...base(), phase: "signing" } as unknown as SessionView);
    expect(k.rev).toBe(2);
    expect(k.view?.phase).toBe("signing");
  });

  test("nothing applies before the first view", () => {
    const k = new ViewKeeper();
    expect(k.patch(1, [])).toBe("waiting");
    expect(k.view).toBeNull();
  });
});

describe("a real link that misses a patch", () => {
  let server: AccordServer | undefined;
  const links: SessionLink[] = [];
  afterAll(async () => {
    for (const l of links) await l.leave();
    await server?.close();
  });

  const until = async (check: () => boolean, what: string) => {
    const end = Date.now() + 10_000;
    while (!check()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const announcements = (l: SessionLink) =>
    l.view?.channels.find((c) => c.id === "announcements")?.messages.map((m) => m.text) ?? [];

  test("drops the gapped patch, asks for the whole view without leaving, and applies later patches again", async () => {
    server = await createAccordServer({
      port: 0,
      host: "127.0.0.1",
      log: quietLog(),
      restore: false,
      holdMs: 20_000,
    });
    const { code, hostKey } = await server.createSession();
    const ws = server.url.replace(/^http/, "ws");
    const host = await SessionLink.open(code, { hostKey }, ws);
    const wei = await SessionLink.open(code, { name: "Wei", delegation: "china" }, ws);
    links.push(host, wei);
    const seat = wei.welcome!.seat;
    const rev = wei.rev;
    // The resync happens over the open connection: Wei never goes offline, for herself or for the host.
    const states: string[] = [];
    wei.on("state", (s) => states.push(s));
    const offlineOnHost: boolean[] = [];
    host.on("view", (v) => offlineOnHost.push(v.seats.some((s) => s.id === seat && !s.connected)));

    // A patch two revisions ahead, as if the one before it was lost: it would move Wei to the debrief.
    wei.receive("patch", { type: "patch", rev: rev + 2, ops: [{ op: "set", path: ["phase"], value: "debrief" }] });
    expect(wei.view!.phase).toBe("briefing");
    expect(wei.rev).toBe(rev);
    expect(wei.resyncs).toBe(1);

    // Meanwhile the session moves on; the link comes back with the whole view, in the same seat.
    host.act({ type: "announce", text: "Read your brief first." });
    await until(
      () => announcements(wei).includes("Read your brief first.") && wei.state === "connected",
      "the whole view after the gap",
    );
    expect(wei.view!.phase).toBe("briefing");
    expect(wei.welcome!.seat).toBe(seat);
    expect(wei.view!.seats.filter((s) => s.role === "delegate").map((s) => s.id)).toEqual([seat]);

    // Patches apply again from the new revision on.
    const after = wei.rev;
    host.act({ type: "announce", text: "Two minutes left." });
    await until(() => announcements(wei).includes("Two minutes left."), "the next patch");
    expect(wei.rev).toBe(after + 1);
    expect(wei.resyncs).toBe(1);
    expect(states).toEqual([]);
    expect(offlineOnHost).not.toContain(true);
  });
});
