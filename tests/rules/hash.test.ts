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

  it("keeps the versions already printed on signed instruments (values from before @noble/hashes)", () => {
    expect(versionHash("Code", provisions)).toBe("f8eebc0dc0e5c7c2c4dbea436878ca437671fde0786af337dfb3d3d2ba29afb1");
    expect(versionHash("Café", [{ title: "Désarmement — ☮", text: "日本語 😀 ok" }])).toBe(
      "8fe031d73186dfb600303a104dc29d96c1468b98345c4b68464706c59428d35f",
    );
  });
});
