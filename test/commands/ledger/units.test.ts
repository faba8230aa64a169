import { pluralUnit, unitCategory, unitKey } from "../../../commands/ledger/rules/units.js";

describe("unitKey: singular and plural meet", () => {
  test.each([
    ["meal", "meals"],
    ["comida", "comidas"],
    ["box", "boxes"],
    ["baby", "babies"],
    ["cookie", "cookies"],
    ["niño", "niños"],
    ["reparación", "reparaciones"],
    ["tomato", "tomatoes"],
    ["tomate", "tomates"],
    ["nurse", "nurses"],
    ["class", "classes"],
    ["bus", "buses"],
    ["person", "people"],
    ["child", "children"],
    ["Meal", "meals"],
  ])("%s ~ %s", (singular, plural) => {
    expect(unitKey(singular)).toBe(unitKey(plural));
  });

  test.each([
    ["meal", "soup"],
    ["nurses", "purses"],
    ["EUR", "USD"],
    ["h", "hours"],
    ["kg", "g"],
  ])("%s and %s stay apart", (a, b) => {
    expect(unitKey(a)).not.toBe(unitKey(b));
  });

  test("time and money units are their own key", () => {
    expect(unitKey("h")).toBe("h");
    expect(unitKey("EUR")).toBe("EUR");
  });
});

describe("pluralUnit", () => {
  test.each([
    ["meal", "meals"],
    ["box", "boxes"],
    ["lunch", "lunches"],
    ["baby", "babies"],
    ["day", "days"],
    ["comida", "comidas"],
    ["person", "people"],
    ["child", "children"],
    ["kg", "kg"],
    ["h", "h"],
    ["EUR", "EUR"],
  ])("%s → %s", (singular, plural) => {
    expect(pluralUnit(singular)).toBe(plural);
  });
});

describe("unitCategory", () => {
  test.each([
    ["h", "time"],
    ["EUR", "money"],
    ["USD", "money"],
    ["GBP", "money"],
    ["meals", "count"],
    ["kg", "count"],
    ["eur", "count"],
  ])("%s is %s", (unit, category) => {
    expect(unitCategory(unit)).toBe(category);
  });
});
