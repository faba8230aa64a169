import { balances, canPay, pledgeTotals, secondSignature, totals } from "../../../commands/fund/rules/balance.js";
import { formatMoney, plainAmount, readAmount, readMoney } from "../../../commands/fund/rules/money.js";
import { readMovementText, readPledgeText } from "../../../commands/fund/rules/movement-text.js";

const money = (text: string) => {
  const read = readMoney(text);
  return read.ok ? [read.value.money.currency, read.value.money.minor, read.value.rest] : read.error;
};

describe("fund money rules", () => {
  it.each([
    ["€50.999", { typed: "€50.999", thousands: { currency: "EUR", minor: 5099900 }, whole: "€50999", cents: "€50.99" }],
    [
      "12.345 €",
      { typed: "12.345 €", thousands: { currency: "EUR", minor: 1234500 }, whole: "12345 €", cents: "12.34 €" },
    ],
    [
      "USD 1,234 for rent",
      { typed: "USD 1,234", thousands: { currency: "USD", minor: 123400 }, whole: "USD 1234", cents: "USD 1,23" },
    ],
  ])("asks which reading of %s was meant instead of taking three decimals as thousands", (text, ambiguous) => {
    expect(readMoney(text)).toEqual({ ok: false, error: "ambiguous", ambiguous });
  });

  it.each([
    ["1.000 €", 100000],
    ["2.500 €", 250000],
    ["1,234,567 €", 123456700],
    ["1.234,56 €", 123456],
    ["5.999 CLP", 5999],
  ])("reads %s as thousands where no other reading fits", (text, minor) => {
    expect(readMoney(text)).toMatchObject({ ok: true, value: { money: { minor } } });
  });

  it.each([
    ["€50", ["EUR", 5000, ""]],
    ["€1.234,56", ["EUR", 123456, ""]],
    ["1,234.56 €", ["EUR", 123456, ""]],
    ["1.234,56 €", ["EUR", 123456, ""]],
    ["$20", ["USD", 2000, ""]],
    ["20 USD", ["USD", 2000, ""]],
    ["USD 20", ["USD", 2000, ""]],
    ["20 usd", ["USD", 2000, ""]],
    ["20€", ["EUR", 2000, ""]],
    ["2,5 €", ["EUR", 250, ""]],
    ["12.50 EUR", ["EUR", 1250, ""]],
    ["1.000 €", ["EUR", 100000, ""]],
    ["1,000,000 €", ["EUR", 100000000, ""]],
    ["€ 50 from @ana", ["EUR", 5000, "from @ana"]],
    ["30 euros de @bo", ["EUR", 3000, "de @bo"]],
    ["£7.5", ["GBP", 750, ""]],
    ["5000 CLP", ["CLP", 5000, ""]],
    ["0.10 €", ["EUR", 10, ""]],
    ["€50.", ["EUR", 5000, ""]],
    ["1\u00a0234,56 €", ["EUR", 123456, ""]],
  ])("reads %s exactly", (text, expected) => {
    expect(money(text)).toEqual(expected);
  });

  it.each([
    ["", "missing"],
    ["rent", "missing"],
    ["50", "no-currency"],
    ["50 for rent", "no-currency"],
    ["-5 €", "negative"],
    ["€-5", "negative"],
    ["-€5", "negative"],
    ["0 €", "zero"],
    ["€0,00", "zero"],
    ["€1.230", "ok"],
    ["€1,2345", "too-many-decimals"],
    ["XYZ 50", "unknown-currency"],
    ["€12.345,6789", "too-many-decimals"],
    ["50,5 CLP", "too-many-decimals"],
    ["€99999999999", "too-large"],
    ["€10.000.001", "too-large"],
    ["50 XYZ", "unknown-currency"],
    ["€1.23.45", "not-a-number"],
    ["€0.125", "not-a-number"],
    ["¥500", "unknown-currency"],
    ["500 ¥", "unknown-currency"],
    ["₹ 20", "unknown-currency"],
  ])("refuses %s clearly (%s)", (text, error) => {
    const read = readMoney(text);
    if (error === "ok") expect(read.ok).toBe(true);
    else expect(read).toEqual({ ok: false, error });
  });

  it("never uses floating point: 0.1 + 0.2 adds up", () => {
    const a = readAmount("0,10", "EUR");
    const b = readAmount("0,20", "EUR");
    expect(a.ok && b.ok && a.value.minor + b.value.minor).toBe(30);
    expect(readAmount("19.99", "EUR")).toEqual({ ok: true, value: { minor: 1999 } });
    expect(readAmount("10000000", "EUR")).toEqual({ ok: true, value: { minor: 1_000_000_000 } });
  });

  it("writes money in the room's language", () => {
    expect(formatMoney({ currency: "EUR", minor: 123456 }, "en")).toBe("€1,234.56");
    expect(formatMoney({ currency: "EUR", minor: 123456 }, "es")).toBe("1.234,56 €");
    expect(formatMoney({ currency: "USD", minor: 2000 }, "en")).toBe("$20.00");
    expect(formatMoney({ currency: "MXN", minor: 5 }, "en")).toBe("0.05 MXN");
    expect(formatMoney({ currency: "CLP", minor: 5000 }, "es")).toBe("5.000 CLP");
    expect(formatMoney({ currency: "EUR", minor: -250 }, "en")).toBe("-€2.50");
    expect(plainAmount({ currency: "EUR", minor: 123405 })).toBe("1234.05");
  });

  it("reads who money came from or went to, and the note", () => {
    expect(readMovementText("€50 from @ana May dues")).toEqual({
      ok: true,
      value: { money: { currency: "EUR", minor: 5000 }, personWord: "@ana", note: "May dues" },
    });
    expect(readMovementText("€120 to @bo rent support")).toEqual({
      ok: true,
      value: { money: { currency: "EUR", minor: 12000 }, personWord: "@bo", note: "rent support" },
    });
    expect(readMovementText("€15 printing")).toEqual({
      ok: true,
      value: { money: { currency: "EUR", minor: 1500 }, note: "printing" },
    });
    expect(readMovementText("rent")).toEqual({ ok: false, error: "missing" });
  });

  it("reads pledges, which are monthly", () => {
    expect(readPledgeText("€10 monthly")).toEqual({ ok: true, value: { currency: "EUR", minor: 1000 } });
    expect(readPledgeText("10 € al mes")).toEqual({ ok: true, value: { currency: "EUR", minor: 1000 } });
    expect(readPledgeText("€10")).toEqual({ ok: true, value: { currency: "EUR", minor: 1000 } });
    expect(readPledgeText("€10 weekly")).toEqual({ ok: false, error: "not-monthly" });
    expect(readPledgeText("parar")).toEqual({ ok: true, value: "stop" });
  });

  it("keeps balances per currency and never pays out what it does not hold", () => {
    const flows = [
      { direction: "in" as const, currency: "EUR", minor: 5000 },
      { direction: "in" as const, currency: "USD", minor: 2000 },
      { direction: "out" as const, currency: "EUR", minor: 1999 },
    ];
    expect(balances(flows)).toEqual([
      { currency: "EUR", minor: 3001 },
      { currency: "USD", minor: 2000 },
    ]);
    expect(totals(flows)).toEqual([
      { currency: "EUR", in: 5000, out: 1999 },
      { currency: "USD", in: 2000, out: 0 },
    ]);
    expect(canPay(flows, { currency: "EUR", minor: 3001 })).toBe(true);
    expect(canPay(flows, { currency: "EUR", minor: 3002 })).toBe(false);
    expect(canPay(flows, { currency: "GBP", minor: 1 })).toBe(false);
    expect(
      pledgeTotals([
        { currency: "EUR", minor: 1000 },
        { currency: "EUR", minor: 500 },
      ]),
    ).toEqual([{ currency: "EUR", minor: 1500 }]);
  });

  it("needs two different people, one of them the keeper when there is one", () => {
    expect(secondSignature("@ana", "@ana", "@ana")).toBe("same-person");
    expect(secondSignature("@ana", "@mo", "@ana")).toBe("ok");
    expect(secondSignature("@bo", "@mo", "@ana")).toBe("keeper-missing");
    expect(secondSignature("@bo", "@mo", null)).toBe("ok");
  });
});
