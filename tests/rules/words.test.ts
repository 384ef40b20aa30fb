import { describe, expect, it } from "vitest";
import { applyEdit, editFromTexts, rebaseEdit, wordDiff, words } from "../../shared/rules/index.ts";

describe("words", () => {
  it("splits on any whitespace and drops empties", () => {
    expect(words("  States  shall\nnot\tattack ")).toEqual(["States", "shall", "not", "attack"]);
    expect(words("   ")).toEqual([]);
  });
});

describe("applyEdit", () => {
  const text = "States shall not attack each other";
  it("inserts at a word position, including at the very end", () => {
    expect(applyEdit(text, { kind: "insert", at: 2, text: "never ever" })).toBe(
      "States shall never ever not attack each other",
    );
    expect(applyEdit(text, { kind: "insert", at: 6, text: "online." })).toBe(
      "States shall not attack each other online.",
    );
    expect(applyEdit(text, { kind: "insert", at: 0, text: "All" })).toBe("All States shall not attack each other");
  });
  it("replaces and deletes a span of words", () => {
    expect(applyEdit(text, { kind: "replace", from: 3, to: 4, text: "target" })).toBe(
      "States shall not target each other",
    );
    expect(applyEdit(text, { kind: "delete", from: 2, to: 3 })).toBe("States shall attack each other");
  });
  it("returns null for an edit outside the words", () => {
    expect(applyEdit(text, { kind: "insert", at: 7, text: "x" })).toBeNull();
    expect(applyEdit(text, { kind: "delete", from: 4, to: 7 })).toBeNull();
    expect(applyEdit(text, { kind: "replace", from: 3, to: 3, text: "x" })).toBeNull();
  });
});

describe("wordDiff", () => {
  it("marks kept, removed and added words, merging runs", () => {
    expect(wordDiff("States shall not attack each other", "States must never attack each other online")).toEqual([
      { op: "same", text: "States" },
      { op: "del", text: "shall not" },
      { op: "add", text: "must never" },
      { op: "same", text: "attack each other" },
      { op: "add", text: "online" },
    ]);
  });
  it("gives one same part for equal texts and handles empty sides", () => {
    expect(wordDiff("a b  c", "a b c")).toEqual([{ op: "same", text: "a b c" }]);
    expect(wordDiff("", "new words")).toEqual([{ op: "add", text: "new words" }]);
    expect(wordDiff("old words", "")).toEqual([{ op: "del", text: "old words" }]);
  });
  it("rebuilds both texts from its parts", () => {
    const a = "the quick brown fox jumps over the lazy dog";
    const b = "a quick red fox leaps over the dog today";
    const parts = wordDiff(a, b);
    expect(
      parts
        .filter((p) => p.op !== "add")
        .map((p) => p.text)
        .join(" "),
    ).toBe(a);
    expect(
      parts
        .filter((p) => p.op !== "del")
        .map((p) => p.text)
        .join(" "),
    ).toBe(b);
  });
});

describe("editFromTexts", () => {
  it("finds the single insert, replace or delete between two texts", () => {
    expect(editFromTexts("a b c", "a b x c")).toEqual({ kind: "insert", at: 2, text: "x" });
    expect(editFromTexts("a b c d", "a y d")).toEqual({ kind: "replace", from: 1, to: 3, text: "y" });
    expect(editFromTexts("a b c d", "a d")).toEqual({ kind: "delete", from: 1, to: 3 });
    expect(editFromTexts("a  b", "a b")).toBeNull();
  });
  it("round-trips through applyEdit", () => {
    const pairs: [string, string][] = [
      ["one two three", "one two three four"],
      ["one two three", "zero one two three"],
      ["one two two three", "one two three"],
      ["a b a b", "a b b"],
      ["x", "y z"],
    ];
    for (const [a, b] of pairs) {
      const edit = editFromTexts(a, b);
      expect(edit).not.toBeNull();
      expect(applyEdit(a, edit!)).toBe(b);
    }
  });
});

describe("rebaseEdit", () => {
  const adopted = { kind: "replace" as const, from: 2, to: 4, text: "x y z" }; // 2 words become 3: shift +1
  it("keeps an edit before the change", () => {
    const e = { kind: "delete" as const, from: 0, to: 2 };
    expect(rebaseEdit(e, adopted, 3)).toEqual(e);
  });
  it("shifts an edit after the change", () => {
    expect(rebaseEdit({ kind: "insert", at: 5, text: "w" }, adopted, 3)).toEqual({ kind: "insert", at: 6, text: "w" });
    expect(rebaseEdit({ kind: "replace", from: 4, to: 6, text: "w" }, adopted, 3)).toEqual({
      kind: "replace",
      from: 5,
      to: 7,
      text: "w",
    });
  });
  it("lapses an edit that overlaps the change, or inserts at the same place", () => {
    expect(rebaseEdit({ kind: "delete", from: 3, to: 5 }, adopted, 3)).toBeNull();
    expect(rebaseEdit({ kind: "insert", at: 3, text: "w" }, adopted, 3)).toBeNull();
    expect(rebaseEdit({ kind: "insert", at: 1, text: "w" }, { kind: "insert", at: 1, text: "v" }, 1)).toBeNull();
  });
});
