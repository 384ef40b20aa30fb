// The debrief's outcome meters and score bars, drawn as instruments on a dashboard.
import type * as Phaser from "phaser";
import type { SessionView } from "../../../shared/view.ts";
import { FONT, hex } from "./palette.ts";
import type { Area } from "./table.ts";

function meter(scene: Phaser.Scene, x: number, y: number, w: number, value: number, left: string, right: string, title: string): void {
  scene.add.text(x + w / 2, y, `${title}: ${value > 0 ? "+" : ""}${value}`, { fontFamily: FONT, fontSize: "14px", color: "#1d232b", fontStyle: "bold" }).setOrigin(0.5, 0);
  scene.add.rectangle(x + w / 2, y + 30, w, 12, 0xd8d4cb).setStrokeStyle(1, 0x1d232b);
  scene.add.rectangle(x + w / 2, y + 30, 2, 20, 0x1d232b);
  const px = x + ((value + 100) / 200) * w;
  scene.add.triangle(px, y + 44, 0, 10, 8, -4, 16, 10, 0x1f5fa8).setStrokeStyle(1, 0x1d232b);
  scene.add.text(x, y + 50, left, { fontFamily: FONT, fontSize: "11px", color: "#3b4450" });
  scene.add.text(x + w, y + 50, right, { fontFamily: FONT, fontSize: "11px", color: "#3b4450" }).setOrigin(1, 0);
}

export function drawMeters(scene: Phaser.Scene, view: SessionView, area: Area): void {
  const d = view.debrief;
  if (!d) return;
  const w = Math.min(area.w - 20, 520);
  const x = area.x + (area.w - w) / 2;
  meter(scene, x, area.y, w, d.commons, "National cyberspaces", "Global commons", "The Internet");
  meter(scene, x, area.y + 72, w, d.stability, "Unstable", "Stable", "Stability");
  const max = Math.max(1, ...d.scores.map((s) => Math.abs(s.score)));
  const rowH = Math.min(26, (area.h - 150) / Math.max(1, d.scores.length));
  d.scores.forEach((s, i) => {
    const del = view.scenario.delegations.find((x2) => x2.id === s.delegation);
    const y = area.y + 150 + i * rowH;
    const bw = ((w / 2 - 10) * Math.abs(s.score)) / max;
    scene.add.text(x, y, `${del?.emblem ?? ""} ${del?.name ?? s.delegation}`, { fontFamily: FONT, fontSize: "12px", color: "#1d232b" });
    scene.add.rectangle(x + w / 2 + (s.score >= 0 ? bw / 2 : -bw / 2), y + 8, Math.max(2, bw), rowH - 8, hex(del?.colour ?? "#888888")).setStrokeStyle(1, 0x1d232b);
    scene.add.text(x + w, y, String(s.score), { fontFamily: FONT, fontSize: "12px", color: "#1d232b", fontStyle: "bold" }).setOrigin(1, 0);
  });
}
