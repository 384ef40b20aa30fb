// Signing: the frozen texts as sheets of paper collecting stamps.
import type { SessionView } from "../../../shared/view.ts";
import { PhaseScene } from "./phase-scene.ts";
import { drawBanner } from "../draw/banner.ts";
import { drawSignatures } from "../draw/signatures.ts";
import type { Area } from "../draw/table.ts";
import { signingPanel } from "../panels/signing.ts";
import type { GameContext } from "../context.ts";
import { signedWords } from "../draw/signed-words.ts";
import { delegationOf } from "../../ui/words.ts";

export class SigningScene extends PhaseScene {
  constructor() {
    super("signing");
  }
  protected draw(view: SessionView, a: Area): void {
    const top = drawBanner(this.kept, "Signing", a.w);
    drawSignatures(this.kept, view, { x: a.x + 6, y: top, w: a.w - 12, h: a.h - top - 6 });
  }
  protected override stripStatus(view: SessionView, delegation: string): string | null {
    return signedWords(view, delegation, true);
  }
  protected override words(view: SessionView): string {
    const sheets = view.instruments
      .filter((i) => i.frozen)
      .map((i) => {
        const by = view.signatures
          .filter((s) => s.instrument === i.id && s.version === i.frozen!.version)
          .map((s) => delegationOf(view, s.delegation)?.name ?? s.delegation);
        return `${i.title}: ${by.length ? `signed by ${by.join(", ")}` : "not signed yet"}.`;
      });
    return [...sheets, super.words(view)].join(" ");
  }
  protected makePanel(ctx: GameContext) {
    return signingPanel(ctx);
  }
}
