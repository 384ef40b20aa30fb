// Talk: the floor, announcements, the delegation's team channel and private
// channels. A banner says plainly who can read team and private channels, now and at the debrief.
// Lines are kept elements (ui/keyed.ts): a new line is appended, nothing else
// is rebuilt; only the latest lines are on the page, older ones a tap away.
// The box always says where a line goes; opening a private channel takes the
// writer into it; a tab counts the lines others wrote there since it was last open.
import type { SessionLink } from "../../net/connection.ts";
import type { SessionView } from "../../../shared/view.ts";
import type { Channel } from "../../../shared/state.ts";
import { h, fill, setHidden } from "../../ui/dom.ts";
import { actNear } from "../../ui/act.ts";
import { delegationOf } from "../../ui/words.ts";
import { LIMITS } from "../../../shared/limits.ts";
import { keepFocus } from "../../ui/keep-focus.ts";
import { keyedList, setText, whenChanged } from "../../ui/keyed.ts";
import type { ChatMessage } from "../../../shared/state.ts";
import { privacyOf, privacyWords } from "../../../shared/privacy.ts";
import { restWhileFarOff } from "../../ui/far-off.ts";

const KIND_ORDER = { floor: 0, team: 1, announcements: 2, private: 3 } as const;
/** Lines on the page at first; "Show earlier lines" adds as many again. */
export const CHAT_WINDOW = 50;
/** New lines said to a screen reader at once while the list rests far off screen. */
const HEARD_AT_ONCE = 3;

export function mountTalk(root: HTMLElement, link: SessionLink, notify?: (text: string) => void): void {
  let current = "floor";
  /** Per channel, how many of its lines this person has had in front of them. */
  const seen = new Map<string, number>();
  /** Members of a private channel just opened: the talk panel moves into it when it appears. */
  let opening: string | null = null;
  const notified = new Set<string>();
  const tabs = h("div", { class: "talk-tabs", role: "tablist", "aria-label": "Channels" });
  const banner = h("p", { class: "talk-banner" });
  const list = h("ol", { class: "messages", "aria-live": "polite", tabindex: "0", "aria-label": "Messages" });
  let lines = CHAT_WINDOW;
  // Whether the reader was at the newest line when the list last scrolled. Kept from scroll events
  // (layout is fresh then) so a patch never has to read layout between its own DOM writes.
  let stuck = true;
  // Where following last put the list: its own scroll event may come after more lines arrived.
  let followedTo = -1;
  list.addEventListener(
    "scroll",
    () => {
      if (list.scrollTop === followedTo) return;
      stuck = list.scrollTop + list.clientHeight >= list.scrollHeight - 30;
    },
    { passive: true },
  );
  let scrollQueued = false;
  /** Follows new lines in the frame that lays them out anyway, instead of forcing a layout now. */
  const followNewest = () => {
    if (scrollQueued) return;
    scrollQueued = true;
    requestAnimationFrame(() => {
      scrollQueued = false;
      // The reader may have scrolled up between the line's arrival and this frame: this frame's
      // scroll events, which come before it, have said so by now. Leave them where they read.
      // Far off screen the lines are not laid out: they are followed when they come near.
      if (!stuck || rest.far) return;
      list.scrollTop = list.scrollHeight;
      followedTo = list.scrollTop;
    });
  };
  // A phone keeps the lines two screens below the provisions: there they are kept current but not drawn.
  const rest = restWhileFarOff(list, () => {
    if (stuck) followNewest();
  });
  // Meanwhile the lines are out of the accessibility tree, and the list's own announcements with them:
  // a screen reader hears the new lines from here instead.
  const heard = h("p", { class: "sr-only", "aria-live": "polite" });
  /** The newest line the list shows, and its channel: what came after it is new. */
  let newestShown: { channel: string; id: string | null } | null = null;
  const earlier = h("button", { type: "button", class: "link earlier-lines" }, "Show earlier lines");
  const input = h("input", {
    id: "say-text",
    maxlength: LIMITS.chatLine,
    placeholder: "Say something…",
    autocomplete: "off",
  });
  // Where a line goes, in words, above the box (a placeholder would vanish while typing).
  const sayTo = h("label", { for: "say-text", class: "say-to", id: "say-to" });
  const slot = h("p", { class: "action-error", role: "alert" });
  const send = h("button", { type: "submit", class: "primary" }, "Send");
  const form = h("form", { class: "say" }, input, send);
  const openSlot = h("p", { class: "action-error", role: "alert" });
  const opener = h("details", { class: "open-channel" }, h("summary", {}, "Open a private channel"));
  fill(root, h("h2", { class: "talk-title" }, "Talk"), banner, tabs, earlier, list, heard, sayTo, form, slot, opener);
  earlier.addEventListener("click", () => {
    // Older lines go on top: keep the lines being read where they are on screen.
    const fromBottom = list.scrollHeight - list.scrollTop;
    lines += CHAT_WINDOW;
    if (link.view) draw(link.view);
    list.scrollTop = list.scrollHeight - fromBottom;
  });

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    actNear(link, { type: "say", channel: current, text }, slot, () => {
      input.value = "";
    });
  });

  const mySeat = () => link.welcome?.seat ?? null;
  /** Lines others wrote in a channel since it was last in front of this person. */
  const unread = (c: Channel) =>
    c.messages.slice(seen.get(c.id) ?? c.messages.length).filter((m) => m.seat !== mySeat()).length;
  const draw = (view: SessionView) => {
    const channels = [...view.channels].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
    if (opening) {
      const opened = channels.find((c) => c.kind === "private" && membersKey(c.members ?? []) === opening);
      if (opened) {
        current = opened.id;
        opening = null;
        lines = CHAT_WINDOW;
      }
    }
    if (!channels.some((c) => c.id === current)) current = channels[0]?.id ?? "floor";
    for (const c of channels) {
      // What was there when a channel first appeared is not news; what is on screen now is read.
      const before = seen.get(c.id);
      if (before === undefined || c.id === current) {
        seen.set(c.id, c.messages.length);
      } else if (c.kind === "private" && notify) {
        const fresh = c.messages.slice(before).filter((m) => m.seat !== mySeat());
        const last = fresh[fresh.length - 1];
        if (last && !notified.has(last.id)) {
          notified.add(last.id);
          notify(
            `Private message from ${delegationOf(view, last.delegation)?.name ?? last.name} in ${channelTitle(view, c)}`,
          );
        }
      }
    }
    keyedList(
      tabs,
      channels,
      (c) => c.id,
      (c) => [channelTitle(view, c), c.id === current, unread(c)],
      (c) => {
        const count = unread(c);
        const b = h(
          "button",
          {
            type: "button",
            role: "tab",
            "aria-selected": String(c.id === current),
            class: `tab kind-${c.kind}`,
            "aria-label": count ? `${channelTitle(view, c)}, ${count} unread` : null,
          },
          channelTitle(view, c),
          count ? h("span", { class: "unread", "aria-hidden": "true" }, String(count)) : null,
        );
        b.dataset.fk = `channel:${c.id}`;
        b.addEventListener("click", () => {
          if (current !== c.id) lines = CHAT_WINDOW;
          current = c.id;
          keepFocus(root, () => link.view && draw(link.view));
          list.scrollTop = list.scrollHeight;
        });
        return b;
      },
    );
    setText(banner, privacyWords(privacyOf(view)));
    const channel = channels.find((c) => c.id === current);
    const messages = channel?.messages ?? [];
    setHidden(earlier, messages.length <= lines);
    const shown: (ChatMessage | null)[] = messages.length ? messages.slice(-lines) : [null];
    keyedList(
      list,
      shown,
      (m) => m?.id ?? "none",
      (m) => (m ? [m.name, m.delegation, m.text] : null),
      (m) => {
        if (!m) return h("li", { class: "muted" }, "No messages yet.");
        const d = delegationOf(view, m.delegation);
        return h(
          "li",
          { class: "message" },
          h(
            "span",
            { class: "from", style: `color:${d?.colour ?? "inherit"}` },
            `${d ? d.emblem + " " : ""}${from(view, m)}: `,
          ),
          m.text,
        );
      },
    );
    const newest = { channel: current, id: shown[shown.length - 1]?.id ?? null };
    if (newest.channel !== newestShown?.channel || newest.id !== newestShown.id) {
      // Lines that came into the same channel while the list rests are said to a screen reader.
      if (rest.far && newestShown?.channel === current) tellReader(view, messages, newestShown.id);
      newestShown = newest;
      if (stuck) followNewest();
    }
    const writable = channel && channel.kind !== "announcements" && view.audience.kind !== "observer";
    input.disabled = send.disabled = !writable;
    setText(sayTo, writable ? `To: ${destination(view, channel)}` : "Only the teacher writes here.");
    drawOpener(view);
  };

  /** Says the lines after `after` (null: the channel had none), the latest few when many came at once. */
  const tellReader = (view: SessionView, messages: readonly ChatMessage[], after: string | null) => {
    // From the end: the lines are new ones, and a channel keeps every line of the lesson.
    let at = messages.length - 1;
    while (at >= 0 && messages[at]!.id !== after) at--;
    if (at < 0 && after !== null) return;
    const fresh = messages.slice(at + 1);
    // Back from a lost connection, a hundred lines read out one after another would drown the lesson.
    const said = fresh.slice(-HEARD_AT_ONCE).map((m) => lineWords(view, m));
    if (fresh.length > HEARD_AT_ONCE) said.unshift(`${fresh.length} new lines; the latest:`);
    if (said.length) setText(heard, said.join(" "));
  };

  let openerFor = "";
  const drawOpener = (view: SessionView) => {
    // The seat's delegation now (the host may have moved it since the welcome).
    const mine = view.seats.find((s) => s.id === link.welcome?.seat)?.delegation ?? null;
    const plan = view.scenario.phases.find((p) => p.phase === view.phase);
    setHidden(opener, !mine || !plan?.privateChannels);
    const key = `${view.phase}:${mine}:${view.scenario.delegations.length}`;
    if (opener.hidden || openerFor === key) return;
    openerFor = key;
    const boxes = view.scenario.delegations
      .filter((d) => d.id !== mine)
      .map((d) =>
        h("label", { class: "check" }, h("input", { type: "checkbox", value: d.id }), ` ${d.emblem} ${d.name}`),
      );
    const go = h("button", { type: "button" }, "Open channel");
    go.addEventListener("click", () => {
      const withIds = boxes
        .map((b) => b.querySelector("input")!)
        .filter((i) => i.checked)
        .map((i) => i.value);
      if (withIds.length === 0) {
        openSlot.textContent = "Tick at least one delegation to talk to.";
        return;
      }
      const key = membersKey([mine!, ...withIds]);
      const existing = link.view?.channels.find((c) => c.kind === "private" && membersKey(c.members ?? []) === key);
      if (existing) {
        // Already open: go there instead of refusing.
        current = existing.id;
        opener.open = false;
        if (link.view) draw(link.view);
        input.focus();
        return;
      }
      actNear(link, { type: "channel.open", with: withIds }, openSlot, () => {
        opener.open = false;
        opening = key;
        if (link.view) draw(link.view);
        input.focus();
      });
    });
    fill(opener, h("summary", {}, "Open a private channel"), h("div", { class: "checks" }, ...boxes), go, openSlot);
  };

  // Drawn again only when something it shows changed: a stance, the commonest move but one, does not touch it.
  const talkChanged = whenChanged();
  link.on("view", (v) =>
    talkChanged([v.channels, v.audience, v.scenario, v.seats, v.phase, v.lesson], () => keepFocus(root, () => draw(v))),
  );
  if (link.view) draw(link.view);
}

const membersKey = (members: readonly string[]) => [...new Set(members)].sort().join(",");

/** Who wrote a line: the name, and the delegation's. */
function from(view: SessionView, m: ChatMessage): string {
  const d = delegationOf(view, m.delegation);
  return `${m.name}${d ? ` (${d.name})` : ""}`;
}

/** A line as a screen reader hears it. */
const lineWords = (view: SessionView, m: ChatMessage) => `${from(view, m)}: ${m.text}`;

/** Where a line typed now goes, in the words the box shows. */
function destination(view: SessionView, c: Channel): string {
  if (c.kind === "floor") return "everyone on the floor";
  if (c.kind === "team") {
    const own = view.audience.kind === "delegation" && view.audience.delegation === c.members?.[0];
    return own ? "your delegation only (team)" : `the ${delegationOf(view, c.members?.[0])?.name ?? c.title} team`;
  }
  const mine = view.audience.kind === "delegation" ? view.audience.delegation : null;
  const others = (c.members ?? []).filter((m) => m !== mine).map((m) => delegationOf(view, m)?.name ?? m);
  return `${others.join(" and ")} (private)`;
}

function channelTitle(view: SessionView, c: Channel): string {
  if (c.kind === "team") {
    // One's own team is "Team"; the host (and everyone after the debrief reveal) sees every team by name.
    const own = view.audience.kind === "delegation" && view.audience.delegation === c.members?.[0];
    return own ? "Team" : `Team ${delegationOf(view, c.members?.[0])?.name ?? c.title}`;
  }
  if (c.kind === "announcements") return "Teacher";
  if (c.kind === "floor") return "Floor";
  const names = (c.members ?? []).map((id) => delegationOf(view, id)?.emblem ?? id).join("·");
  return `Private: ${names || c.title}`;
}
