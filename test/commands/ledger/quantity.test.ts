import { parseQuantity } from "../../../commands/ledger/rules/quantity.js";

describe("parseQuantity: counted things", () => {
  test.each([
    ["cooked 40 meals", 40, "meals"],
    ["drove 3 nurses to the hospital", 3, "nurses"],
    ["cocinó 40 comidas para el piquete", 40, "comidas"],
    ["llevó 3 enfermeras al hospital", 3, "enfermeras"],
    ["1 meal", 1, "meal"],
    ["made 12 Sandwiches", 12, "sandwiches"],
    ["printed 2000 flyers", 2000, "flyers"],
    ["folded 1,000 leaflets", 1000, "leaflets"],
    ["repartió 1.000 volantes", 1000, "volantes"],
    ["looked after 2 kids' homework", 2, "kids"],
    ["🍲 40 meals 🙏", 40, "meals"],
    ["baked 24cookies", 24, "cookies"],
    ["drove three nurses home", 3, "nurses"],
    ["cocinó tres ollas", 3, "ollas"],
    ["made a dozen pies", 12, "pies"],
    ["trajo una docena de huevos", 12, "huevos"],
    ["visited her 3 times", 3, "times"],
  ])("%s → %d %s", (text, amount, unit) => {
    expect(parseQuantity(text)).toEqual({ amount, unit });
  });
});

describe("parseQuantity: time, in hours", () => {
  test.each([
    ["3h", 3],
    ["babysat 3h", 3],
    ["3 h of childcare", 3],
    ["2 hours", 2],
    ["1 hour", 1],
    ["1.5h", 1.5],
    ["2,5 h", 2.5],
    ["cuidó a los niños 2,5 horas", 2.5],
    ["1 hora", 1],
    ["3hs", 3],
    ["4 hrs", 4],
    ["90 min", 1.5],
    ["45 minutes", 0.75],
    ["30 minutos de escucha", 0.5],
    ["1h30", 1.5],
    ["1h 30min", 1.5],
    ["half an hour on the phone", 0.5],
    ["media hora al teléfono", 0.5],
    ["listened for an hour", 1],
    ["two hours of driving", 2],
  ])("%s → %d h", (text, amount) => {
    expect(parseQuantity(text)).toEqual({ amount, unit: "h" });
  });
});

describe("parseQuantity: money, per currency", () => {
  test.each([
    ["€50", 50, "EUR"],
    ["€ 50 for the strike fund", 50, "EUR"],
    ["50€", 50, "EUR"],
    ["50 €", 50, "EUR"],
    ["50 EUR", 50, "EUR"],
    ["EUR 50", 50, "EUR"],
    ["50 euros", 50, "EUR"],
    ["donó 12,50 €", 12.5, "EUR"],
    ["$20", 20, "USD"],
    ["20 dollars", 20, "USD"],
    ["20 dólares", 20, "USD"],
    ["£5", 5, "GBP"],
    ["5 GBP", 5, "GBP"],
    ["€19.999", 19999, "EUR"],
    ["€3.333", 3333, "EUR"],
    ["paid €12.345678", 12.35, "EUR"],
  ])("%s → %d %s", (text, amount, unit) => {
    expect(parseQuantity(text)).toEqual({ amount, unit });
  });

  test("pounds are a weight, not a currency", () => {
    expect(parseQuantity("5 pounds of rice")).toEqual({ amount: 5, unit: "pounds" });
  });
});

describe("parseQuantity: measures are normalised", () => {
  test.each([
    ["20 kg of rice", 20, "kg"],
    ["20 kilos de arroz", 20, "kg"],
    ["500 g", 500, "g"],
    ["0.250 kg of coffee", 0.25, "kg"],
    ["10 litres of soup", 10, "l"],
    ["10 litros de sopa", 10, "l"],
    ["drove 120 km", 120, "km"],
    ["120 kilómetros", 120, "km"],
  ])("%s → %d %s", (text, amount, unit) => {
    expect(parseQuantity(text)).toEqual({ amount, unit });
  });
});

describe("parseQuantity: what is not a quantity", () => {
  test.each([
    ["cooked soup"],
    ["40"],
    ["cooked 40"],
    ["€"],
    [""],
    ["   "],
    ["at 17:00"],
    ["on 2026-12-04"],
    ["on 04/12/2026"],
    ["on 12.04.2026"],
    ["the 4th picket"],
    ["1st aid"],
    ["at 5 pm"],
    ["5pm"],
    ["a las 17h"],
    ["50% of the rent"],
    ["in 2026"],
    ["room #3"],
    ["tower B12 stairs"],
    ["on May 4"],
    ["el 4 de mayo"],
    ["40 of us"],
    ["someone listened"],
    ["I once drove"],
  ])("%j → none", (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });

  test.each([
    ["at 17:00 cooked 40 meals", 40, "meals"],
    ["on 2026-12-04 drove 3 nurses", 3, "nurses"],
    ["el 4 de mayo cocinó 40 comidas", 40, "comidas"],
    ["a las 17h llevó 3 personas", 3, "personas"],
    ["on May 4 cooked 40 meals", 40, "meals"],
    ["in 2026 she cooked 40 meals", 40, "meals"],
    ["cooked 40 meals and drove 3 nurses", 40, "meals"],
    ["the 4th time: 2 hours", 2, "h"],
  ])("first meaningful quantity in %j", (text, amount, unit) => {
    expect(parseQuantity(text)).toEqual({ amount, unit });
  });

  test("a very long text is handled quickly", () => {
    const text = "and then ".repeat(5000) + "cooked 40 meals";
    const started = performance.now();
    expect(parseQuantity(text)).toEqual({ amount: 40, unit: "meals" });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
