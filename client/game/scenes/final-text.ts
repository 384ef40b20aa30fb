// Final text: the same table, the cards showing what stays and what is bracketed.
import { NegotiationScene } from "./negotiation.ts";
import { finalTextPanel } from "../panels/final-text.ts";
import type { GameContext } from "../context.ts";

export class FinalTextScene extends NegotiationScene {
  constructor() {
    super("final-text");
  }
  protected override makePanel(ctx: GameContext) {
    return finalTextPanel(ctx);
  }
}
