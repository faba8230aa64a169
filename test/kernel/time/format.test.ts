import { formatDay, formatWhen } from "../../../src/kernel/time/format.js";

const MADRID = "Europe/Madrid";
const now = Date.parse("2026-11-24T09:00Z");

describe("formatWhen and formatDay", () => {
  it("show the year only when it is not the current one", () => {
    const nextYear = Date.parse("2027-12-04T16:00Z");
    const thisYear = Date.parse("2026-12-04T16:00Z");
    expect(formatWhen(nextYear, MADRID, "en", now)).toBe("Saturday 4 Dec 2027, 17:00");
    expect(formatDay(nextYear, MADRID, "es", now)).toBe("sábado 4 dic 2027");
    expect(formatWhen(thisYear, MADRID, "en", now)).toBe("Friday 4 Dec, 17:00");
    expect(formatDay(thisYear, MADRID, "en", now)).toBe("Friday 4 Dec");
  });

  it("decide the year in the room's zone: New Year's Eve in Madrid is already next year", () => {
    const eve = Date.parse("2026-12-31T23:30Z"); // 00:30 on 1 January 2027 in Madrid
    expect(formatWhen(eve, MADRID, "en", Date.parse("2026-12-31T22:30Z"))).toBe("Friday 1 Jan 2027, 00:30");
  });
});
