// Test build only (vite --mode test, dist/client-test): the page exposes what a
// person sees (the view, the phase, the active scene, the last refusal) as
// window.__accord, so browser tests can assert on it. Every call is behind
// `if (__TEST_HOOKS__)`, which is false in the production build: this module and
// everything handed to it are left out of dist/client (tests/browser/no-test-code.test.ts).
import type * as Phaser from "phaser";
import type { SessionLink } from "./net/connection.ts";

type Hook = Record<string, unknown>;

export function exposeForTests(fields: Hook): void {
  const w = window as unknown as { __accord?: Hook };
  const target = w.__accord ?? {};
  for (const [key, value] of Object.entries(Object.getOwnPropertyDescriptors(fields)))
    Object.defineProperty(target, key, { ...value, configurable: true, enumerable: true });
  w.__accord = target;
}

/** Drops the socket as a lost Wi-Fi would (not a consented leave): the link reconnects by itself. */
export function dropConnection(link: SessionLink): void {
  (
    link as unknown as { room: { connection: { close(code: number, reason: string): void } } | null }
  ).room?.connection.close(4999, "test: connection dropped");
}

/** The texts drawn on a scene's canvas: what the hook reports as "seen on the table". */
export function canvasTexts(scene: Phaser.Scene | null): string[] {
  return (scene?.children.list ?? []).filter((o) => o.type === "Text").map((o) => (o as Phaser.GameObjects.Text).text);
}

/** Each text on a scene's canvas with its type size as the screen shows it (the canvas may be drawn scaled). */
export function canvasTextSizes(scene: Phaser.Scene | null): { text: string; px: number }[] {
  if (!scene) return [];
  const canvas = scene.game.canvas;
  const scale = canvas.clientWidth && scene.scale.width ? canvas.clientWidth / scene.scale.width : 1;
  return scene.children.list
    .filter((o) => o.type === "Text" && o.active && (o as Phaser.GameObjects.Text).visible)
    .map((o) => {
      const t = o as Phaser.GameObjects.Text;
      return { text: t.text, px: parseFloat(String(t.style.fontSize)) * scale * t.scaleY };
    });
}
