import { describe, expect, it } from "vitest";
import { applyPatch, diffView } from "../../shared/patch.ts";

// mulberry32: a small seeded PRNG so a failing tree can be reproduced from its seed.
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomTree(rand: () => number, depth: number): unknown {
  const r = rand();
  if (depth <= 0 || r < 0.3) {
    const leaves = [null, true, false, 0, 1, -2.5, "", "floor", "Wei", "p3"];
    return leaves[Math.floor(rand() * leaves.length)];
  }
  if (r < 0.65) return Array.from({ length: Math.floor(rand() * 5) }, () => randomTree(rand, depth - 1));
  const keys = ["phase", "seats", "text", "stances", "timer", "a", "b", "c"];
  const obj: Record<string, unknown> = {};
  for (const k of keys) if (rand() < 0.4) obj[k] = randomTree(rand, depth - 1);
  return obj;
}

/** A changed copy of a tree: some members replaced, removed, appended; the rest shared by reference. */
function mutate(rand: () => number, tree: unknown, depth: number): unknown {
  if (rand() < 0.15) return randomTree(rand, depth);
  if (Array.isArray(tree)) {
    let copy = tree.map((x) => (rand() < 0.3 ? mutate(rand, x, depth - 1) : x));
    if (rand() < 0.3) copy = [...copy, randomTree(rand, depth - 1)];
    if (rand() < 0.15) copy = copy.slice(0, Math.floor(rand() * copy.length));
    return copy;
  }
  if (typeof tree === "object" && tree !== null) {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(tree)) {
      if (rand() < 0.1) continue;
      copy[k] = rand() < 0.3 ? mutate(rand, v, depth - 1) : v;
    }
    if (rand() < 0.2) copy[`n${Math.floor(rand() * 3)}`] = randomTree(rand, depth - 1);
    return copy;
  }
  return tree;
}

describe("view patches", () => {
  it("diff then apply reproduces the next view, over many random trees", () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const rand = prng(seed);
      const prev = randomTree(rand, 5);
      const next = mutate(rand, prev, 5);
      const before = JSON.stringify(prev);
      const ops = diffView(prev, next);
      const applied = applyPatch(prev, ops);
      expect(applied, `seed ${seed}`).toStrictEqual(next);
      // Neither the old view nor its ops are changed along the way: clients keep the old one for animations.
      expect(JSON.stringify(prev), `seed ${seed}`).toBe(before);
    }
  });

  it("sends nothing for a view that did not change, and one push for a new chat line", () => {
    const messages = [{ id: "m1", text: "Hello" }];
    const view = { phase: "negotiation", channels: [{ id: "floor", messages }] };
    expect(diffView(view, view)).toEqual([]);
    const next = { ...view, channels: [{ id: "floor", messages: [...messages, { id: "m2", text: "Objection" }] }] };
    expect(diffView(view, next)).toEqual([
      { op: "push", path: ["channels", 0, "messages"], values: [{ id: "m2", text: "Objection" }] },
    ]);
  });

  it("removes a member that is gone and shares untouched branches with the old view", () => {
    const seats = [{ id: "s1" }];
    const prev = { seats, debrief: { commons: 10 }, phase: "signing" };
    const next = { seats, phase: "debrief" };
    const ops = diffView(prev, next);
    expect(ops).toEqual([
      { op: "set", path: ["phase"], value: "debrief" },
      { op: "remove", path: ["debrief"] },
    ]);
    const applied = applyPatch(prev, ops);
    expect(applied).toEqual(next);
    expect(applied.seats).toBe(seats);
  });
});
