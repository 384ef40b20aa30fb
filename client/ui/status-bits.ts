// Connection state and toasts, shared by the game, the console and the projector.
import { h } from "./dom.ts";
import type { LinkState, SessionLink } from "../net/connection.ts";

const WORDS: Record<LinkState, string> = {
  connecting: "Connecting…",
  connected: "● Connected",
  reconnecting: "◌ Reconnecting…",
  offline: "✕ Offline",
};

export function connectionBadge(link: SessionLink): HTMLElement {
  const el = h("span", { class: "conn", role: "status", "aria-live": "polite" });
  const draw = (s: LinkState) => {
    el.className = `conn conn-${s}`;
    el.textContent = WORDS[s];
    el.dataset.state = s;
  };
  draw(link.state);
  link.on("state", draw);
  return el;
}

export function toastArea(): { el: HTMLElement; show: (text: string, kind?: "news" | "info", ms?: number) => void } {
  const el = h("div", { class: "toasts", "aria-live": "polite" });
  return {
    el,
    show(text, kind = "info", ms = 4000) {
      const t = h("div", { class: `toast ${kind === "news" ? "news" : ""}` }, text);
      el.append(t);
      while (el.children.length > 2) el.firstElementChild?.remove();
      setTimeout(() => t.remove(), ms);
    },
  };
}
