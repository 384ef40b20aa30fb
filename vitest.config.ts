import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The client is built once, before the browser suites start in parallel.
    globalSetup: ["tests/global-setup.ts"],
    // The browser suites' servers serve the test build (with the page's test hook); production has none.
    env: { ACCORD_CLIENT_DIR: "dist/client-test" },
    // The Colyseus matchmaker is a module singleton: one server per test file, each in its own process.
    pool: "forks",
    testTimeout: 30_000,
    // expect.poll waits for what a person would see; on two shared cores 1 s (the default) is too short.
    expect: { poll: { timeout: 10_000, interval: 50 } },
    hookTimeout: 120_000,
    // Two cores: keep the browser and server suites from starving each other.
    maxWorkers: 2,
    reporters: ["default"],
  },
});
