// A title line across the top of the canvas.
import type * as Phaser from "phaser";
import { FONT } from "./palette.ts";

export function drawBanner(scene: Phaser.Scene, text: string, width: number): number {
  scene.add.text(width / 2, 8, text, { fontFamily: FONT, fontSize: width < 500 ? "16px" : "22px", color: "#1d232b", fontStyle: "bold", align: "center", wordWrap: { width: width - 16 } }).setOrigin(0.5, 0);
  return width < 500 ? 30 : 40;
}
