import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256Hex, versionHash } from "../../shared/rules/index.ts";

describe("sha256Hex", () => {
  it("matches the published test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    expect(sha256Hex("a".repeat(1_000_000))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  });
  it("agrees with node:crypto on UTF-8 text and every padding boundary", () => {
    const samples = ["Россия 中国 🎉 é", ...[54, 55, 56, 57, 63, 64, 65, 119, 120, 128].map((n) => "x".repeat(n))];
    for (const s of samples) expect(sha256Hex(s)).toBe(createHash("sha256").update(s, "utf8").digest("hex"));
  });
});

/** Versions as first printed under "accord-instrument-v2" (id, card, title, text, tags). */
const PINNED = {
  plain: "e1c024acf8745306be2c48ca68be12f98481660d588ff6d5e7043cf8361352c0",
  unicode: "b40a74a9048929b838f30595886dbc25752f0335831fb5e9c7c1ed2931f6bc38",
};

describe("versionHash", () => {
  const provisions = [
    { title: "A", text: "one two" },
    { title: "B", text: "three" },
  ];
  it("is the same for the same text and differs when anything changes", () => {
    const v = versionHash("Code", provisions);
    expect(v).toMatch(/^[0-9a-f]{64}$/);
    expect(
      versionHash(
        "Code",
        provisions.map((p) => ({ ...p })),
      ),
    ).toBe(v);
    expect(versionHash("Code 2", provisions)).not.toBe(v);
    expect(versionHash("Code", [provisions[1]!, provisions[0]!])).not.toBe(v);
    expect(versionHash("Code", [{ title: "A", text: "one two!" }, provisions[1]!])).not.toBe(v);
    // Moving words between title and text is a different text, not a collision.
    expect(versionHash("Code", [{ title: "A one", text: "two" }, provisions[1]!])).not.toBe(v);
  });

  it("covers each provision's id, card and tags, in any order of tags", () => {
    const tagged = [{ id: "p2", card: "threat-data", title: "A", text: "one two", tags: ["b", "a"] }];
    const v = versionHash("Code", tagged);
    expect(versionHash("Code", [{ ...tagged[0]!, tags: ["a", "b"] }])).toBe(v);
    expect(versionHash("Code", [{ ...tagged[0]!, tags: ["a"] }])).not.toBe(v);
    expect(versionHash("Code", [{ ...tagged[0]!, card: null }])).not.toBe(v);
    expect(versionHash("Code", [{ ...tagged[0]!, id: "p3" }])).not.toBe(v);
  });

  it("is pinned (the version printed on a signed instrument must not drift between releases)", () => {
    expect(versionHash("Code", provisions)).toBe(PINNED.plain);
    expect(
      versionHash("Café", [{ id: "p2", card: null, title: "Désarmement — ☮", text: "日本語 😀 ok", tags: ["x"] }]),
    ).toBe(PINNED.unicode);
  });
});
