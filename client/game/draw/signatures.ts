// Signing: the frozen instrument as a sheet of paper, each signature a stamp
// in the delegation's colour with its emblem and the version it names.
import type { SessionView } from "../../../shared/view.ts";
import { delegationOf, shortHash } from "../../ui/words.ts";
import { FONT, hex } from "./palette.ts";
import type { Area } from "./table.ts";
import type { Kept } from "./kept.ts";
import { inkOn } from "../../ui/ink.ts";

const seen = new Set<string>();

export function drawSignatures(k: Kept, view: SessionView, area: Area): void {
  const frozen = view.instruments.filter((i) => i.frozen);
  if (frozen.length === 0) {
    k.text("sheets-none", area.x + area.w / 2, area.y + area.h / 2, "No frozen text to sign yet", {
      fontFamily: FONT,
      fontSize: "16px",
      color: "#1d232b",
    }).setOrigin(0.5);
    return;
  }
  const big = area.w > 640;
  const sheetW = Math.min(area.w / frozen.length - 10, big ? 640 : 420);
  // Sheets are centred when there is room to spare.
  const left = area.x + Math.max(0, (area.w - frozen.length * (sheetW + 10)) / 2);
  frozen.forEach((inst, n) => {
    const x = left + 5 + n * (sheetW + 10);
    k.rect(`sheet-${inst.id}`, x + sheetW / 2, area.y + area.h / 2, sheetW, area.h, 0xfffdf6).setStrokeStyle(
      2,
      0x1d232b,
    );
    const heading = k.text(
      `sheet-${inst.id}-heading`,
      x + 8,
      area.y + 6,
      `${inst.title}\nversion ${shortHash(inst.frozen!.version)}`,
      {
        fontFamily: FONT,
        fontSize: big ? "17px" : "13px",
        color: "#1d232b",
        fontStyle: "bold",
        wordWrap: { width: sheetW - 16 },
      },
    );
    const sigs = view.signatures.filter((s) => s.instrument === inst.id && s.version === inst.frozen!.version);
    // Each stamp gets a column wide enough for its two-line label, below the heading.
    const radius = big ? 30 : 22;
    const colW = big ? 150 : 104;
    const cols = Math.max(1, Math.floor((sheetW - 8) / colW));
    const rowH = radius * 2 + (big ? 52 : 40);
    const top = heading.y + heading.height + 8 + radius;
    if (sigs.length === 0) {
      k.text(`sheet-${inst.id}-none`, x + sheetW / 2, top, "Not signed yet", {
        fontFamily: FONT,
        fontSize: big ? "16px" : "13px",
        color: "#56606c",
      }).setOrigin(0.5, 0);
    }
    sigs.forEach((s, i) => {
      const d = delegationOf(view, s.delegation);
      const sx = x + 4 + colW / 2 + (i % cols) * colW;
      const sy = top + Math.floor(i / cols) * rowH;
      const key = `${s.instrument}:${s.delegation}:${s.version}`;
      const scene = k.scene;
      const stamp = k.container(`stamp-${key}`, sx, sy, () => [
        scene.add.circle(0, 0, radius, hex(d?.colour ?? "#888888")).setStrokeStyle(3, 0x1d232b),
        scene.add
          .text(0, 0, d?.emblem ?? "?", {
            fontFamily: FONT,
            fontSize: `${Math.round(radius * 0.65)}px`,
            color: inkOn(d?.colour ?? "#888888"),
            fontStyle: "bold",
          })
          .setOrigin(0.5),
      ]);
      k.text(`stamp-${key}-label`, sx, sy + radius + 3, `${d?.name ?? s.delegation}\nsigned ${shortHash(s.version)}`, {
        fontFamily: FONT,
        fontSize: big ? "14px" : "11px",
        color: "#1d232b",
        align: "center",
        wordWrap: { width: colW - 8 },
      }).setOrigin(0.5, 0);
      if (!seen.has(key)) {
        seen.add(key);
        stamp.setScale(2.2).setAlpha(0);
        scene.tweens.add({ targets: stamp, scale: 1, alpha: 1, duration: 450, ease: "Back.easeOut" });
      }
    });
  });
}
