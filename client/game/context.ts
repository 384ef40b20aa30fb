// What every scene and panel of the game shares: the link to the session and
// where the DOM panel goes.
import type { SessionLink } from "../net/connection.ts";
import type { SessionView } from "../../shared/view.ts";

export interface GameContext {
  link: SessionLink;
  /** The DOM panel beside (or under) the canvas that a scene fills with real text. */
  panel: HTMLElement;
  /** Opens a provision's card in the negotiation panel (from a click on the table). */
  openProvision: (id: string | null) => void;
  openedProvision: string | null;
  /** Redraws the active scene and its panel (after a local choice such as a tab). */
  redraw: () => void;
  /** Wakes the sleeping canvas for the frames that show a change (game/painter.ts). */
  paint: () => void;
  /** Puts what the canvas now shows into the page's text, for a screen reader. */
  canvasWords: (text: string) => void;
  /** Instrument tab currently shown. */
  instrument: string;
  toast: (text: string, kind?: "news" | "info", ms?: number) => void;
}

export const me = (ctx: GameContext) => {
  const w = ctx.link.welcome;
  const view = ctx.link.view as SessionView;
  const seat = view.seats.find((s) => s.id === w?.seat);
  return {
    seat,
    delegation: seat?.delegation ?? w?.delegation ?? null,
    isHead: !!seat?.isHead,
    role: w?.role ?? "delegate",
  };
};
