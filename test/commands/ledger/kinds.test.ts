import { CARE_KINDS, isCareKind, kindFromTag, suggestKinds } from "../../../commands/ledger/rules/kinds.js";

describe("care kinds", () => {
  test("the stable order used by digests", () => {
    expect(CARE_KINDS).toEqual([
      "food",
      "childcare",
      "transport",
      "knowledge",
      "repair",
      "money",
      "emotional",
      "other",
    ]);
  });

  test("isCareKind", () => {
    expect(isCareKind("food")).toBe(true);
    expect(isCareKind("comida")).toBe(false);
    expect(isCareKind("")).toBe(false);
  });
});

describe("kindFromTag", () => {
  test.each([
    ["food", "food"],
    ["FOOD", "food"],
    ["comida", "food"],
    ["Alimentación", "food"],
    ["rides", "transport"],
    ["aventón", "transport"],
    ["cuidados", "childcare"],
    ["niños", "childcare"],
    ["enseñanza", "knowledge"],
    ["formación", "knowledge"],
    ["emotional_support", "emotional"],
    ["apoyo-emocional", "emotional"],
    ["acompañamiento", "emotional"],
    ["arreglos", "repair"],
    ["donación", "money"],
    ["otros", "other"],
  ])("#%s → %s", (tag, kind) => {
    expect(kindFromTag(tag)).toBe(kind);
  });

  test.each(["", "strike", "solidarity", "foods1"])("#%s names no kind", (tag) => {
    expect(kindFromTag(tag)).toBeUndefined();
  });
});

describe("suggestKinds", () => {
  test.each([
    ["fod", ["food"]],
    ["transprot", ["transport"]],
    ["childcar", ["childcare"]],
    ["comdia", ["food"]],
    ["reparacin", ["repair"]],
    ["emocion", ["emotional"]],
  ])("%s → %j", (tag, suggestions) => {
    expect(suggestKinds(tag)).toEqual(suggestions);
  });

  test("nothing close, nothing suggested", () => {
    expect(suggestKinds("solidarityforever")).toEqual([]);
    expect(suggestKinds("x")).toEqual([]);
  });

  test("at most the requested number, each kind once", () => {
    const suggestions = suggestKinds("fo", 2);
    expect(suggestions.length).toBeLessThanOrEqual(2);
    expect(new Set(suggestions).size).toBe(suggestions.length);
  });
});
