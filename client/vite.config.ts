// Multi-page build: the light join page, the host console and the projector
// view. The game (Phaser) is only ever loaded by a dynamic import after a join,
// so the join page's first bundle stays small.
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here("."),
  base: "/",
  publicDir: false,
  build: {
    outDir: here("../dist/client"),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 1800,
    rolldownOptions: {
      input: {
        index: here("index.html"),
        host: here("host.html"),
        screen: here("screen.html"),
      },
      // shared/ holds declarations only (zod schemas, tables): without this the
      // bundler keeps zod alive for a constant the client imports.
      treeshake: {
        moduleSideEffects: (id: string) => !/[\\/]shared[\\/]/.test(id),
      },
    },
  },
  server: { host: "127.0.0.1" },
});
