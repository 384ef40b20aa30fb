// Signing: the frozen instrument as a sheet of paper, each signature a stamp
// in the delegation's colour with its emblem and the version it names.
import type * as Phaser from "phaser";
import type { SessionView } from "../../../shared/view.ts";
import { delegationOf, shortHash } from "../../ui/words.ts";
import { FONT, hex } from "./palette.ts";
import type { Area } from "./table.ts";

const seen = new Set<string>();

export function drawSignatures(scene: Phaser.Scene, view: SessionView, area: Area): void {
  const frozen = view.instruments.filter((i) => i.frozen);
  if (frozen.length === 0) {
    scene.add.text(area.x + area.w / 2, area.y + area.h / 2, "No frozen text to sign yet", { fontFamily: FONT, fontSize: "16px", color: "#1d232b" }).setOrigin(0.5);
    return;
  }
  const sheetW = Math.min(area.w / frozen.length - 10, 420);
  frozen.forEach((inst, k) => {
    const x = area.x + 5 + k * (sheetW + 10);
    scene.add.rectangle(x + sheetW / 2, area.y + area.h / 2, sheetW, area.h, 0xfffdf6).setStrokeStyle(2, 0x1d232b);
    scene.add.text(x + 8, area.y + 6, `${inst.title}\nversion ${shortHash(inst.frozen!.version)}`, { fontFamily: FONT, fontSize: "13px", color: "#1d232b", fontStyle: "bold", wordWrap: { width: sheetW - 16 } });
    const sigs = view.signatures.filter((s) => s.instrument === inst.id && s.version === inst.frozen!.version);
    sigs.forEach((s, i) => {
      const d = delegationOf(view, s.delegation);
      const cols = Math.max(1, Math.floor(sheetW / 92));
      const sx = x + 48 + (i % cols) * 90;
      const sy = area.y + 70 + Math.floor(i / cols) * 62;
      const stamp = scene.add.container(sx, sy, [
        scene.add.circle(0, 0, 24, hex(d?.colour ?? "#888888")).setStrokeStyle(3, 0x1d232b),
        scene.add.text(0, 0, d?.emblem ?? "?", { fontFamily: FONT, fontSize: "15px", color: "#fff", fontStyle: "bold" }).setOrigin(0.5),
      ]);
      scene.add.text(sx, sy + 26, `${d?.name ?? s.delegation} signed\n${shortHash(s.version)}`, { fontFamily: FONT, fontSize: "11px", color: "#1d232b", align: "center" }).setOrigin(0.5, 0);
      const key = `${s.instrument}:${s.delegation}:${s.version}`;
      if (!seen.has(key)) {
        seen.add(key);
        stamp.setScale(2.2).setAlpha(0);
        scene.tweens.add({ targets: stamp, scale: 1, alpha: 1, duration: 450, ease: "Back.easeOut" });
      }
    });
  });
}
