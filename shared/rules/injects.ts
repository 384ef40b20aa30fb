// News: the host releases an inject; everyone sees it and it flags the
// provisions on the table that it bears on.
import type { SessionState } from "../state.ts";
import { accept, event, logged, type ActionOf, type Handler } from "./context.ts";
import { injectOf } from "./lookup.ts";
import { refuse } from "./refuse.ts";

export const injectRelease: Handler<ActionOf<"inject.release">> = (s, a, w) => {
  const inject = injectOf(s, a.inject);
  if (!inject) return refuse("UNKNOWN_INJECT", "That news item is not in this scenario.");
  if (s.injectsReleased.some((r) => r.inject === inject.id))
    return refuse("INJECT_ALREADY_RELEASED", `"${inject.headline}" is already out.`);
  const bears = (card: string | null) => card !== null && inject.cards.includes(card);
  const state: SessionState = {
    ...s,
    injectsReleased: [...s.injectsReleased, { inject: inject.id, at: w.t }],
    provisions: s.provisions.map((p) =>
      p.status === "tabled" && bears(p.card) ? { ...p, flags: [...p.flags, inject.id] } : p,
    ),
    timeline: logged(s, w.t, "inject", `News: ${inject.headline}`),
  };
  return accept(state, [event("inject", inject.headline, { inject: inject.id, headline: inject.headline })]);
};
