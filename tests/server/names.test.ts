import { describe, expect, it } from "vitest";
import { judgeName } from "../../server/names.ts";

describe("display names against the school word list", () => {
  it("refuses listed words in any covered language, also spelt out", () => {
    for (const name of ["Big Shit", "S.h.i.t", "merde", "Scheiße", "сука", "Big Dick", "s h i t head"]) {
      expect(judgeName(name), name).toBe("offensive");
    }
  });

  it("welcomes real given names that some language's list also holds", () => {
    // Each of these was refused before the given-name lists were consulted.
    for (const name of [
      "Claire",
      "Marie-Claire",
      "Regina",
      "Mona",
      "Les Martin",
      "Fanny Brown",
      "Dick Smith",
      "Dick S.",
    ]) {
      expect(judgeName(name), name).toBe("fine");
    }
  });

  it("asks for a family name when a given name is also an English listed word and stands alone", () => {
    expect(judgeName("Dick")).toBe("needs-family-name");
    expect(judgeName("dick")).toBe("needs-family-name");
  });

  it("keeps whole-word matching: names that merely contain a listed word are fine", () => {
    for (const name of ["Cassandra", "Scunthorpe", "Анна", "Ana L.", "Student 5"])
      expect(judgeName(name), name).toBe("fine");
  });
});
