import { DateTime } from "luxon";
import {
  addDuration,
  durationMinutes,
  parseDuration,
  parseUntil,
  parseWhen,
} from "../../../src/kernel/time/natural.js";

const MADRID = "Europe/Madrid";
// Tuesday 2026-11-24, 10:00 in Madrid.
const now = Date.parse("2026-11-24T09:00Z");
const ctx = { zone: MADRID, nowUtc: now };
const show = (ms: number) => DateTime.fromMillis(ms, { zone: MADRID }).toFormat("yyyy-MM-dd HH:mm ccc");

function when(text: string, context = ctx): string {
  const parsed = parseWhen(text, context);
  if (!parsed.ok) throw new Error(`${text}: ${JSON.stringify(parsed.error)}`);
  return show(parsed.value.utcMs);
}

describe("parseWhen", () => {
  it.each([
    ["friday 17:00", "2026-11-27 17:00 Fri"],
    ["viernes 17:00", "2026-11-27 17:00 Fri"],
    ["Viernes a las 17:00", "2026-11-27 17:00 Fri"],
    ["2026-12-04 08:00", "2026-12-04 08:00 Fri"],
    ["2026-12-04T08:00", "2026-12-04 08:00 Fri"],
    ["tomorrow 7am", "2026-11-25 07:00 Wed"],
    ["tomorrow 7 pm", "2026-11-25 19:00 Wed"],
    ["mañana 7:00", "2026-11-25 07:00 Wed"],
    ["manana a las 7", "2026-11-25 07:00 Wed"],
    ["mañana a las 7 de la tarde", "2026-11-25 19:00 Wed"],
    ["pasado mañana 18h", "2026-11-26 18:00 Thu"],
    ["today 18:30", "2026-11-24 18:30 Tue"],
    ["hoy 18:30", "2026-11-24 18:30 Tue"],
    ["17:00", "2026-11-24 17:00 Tue"],
    ["08:00", "2026-11-25 08:00 Wed"],
    ["monday", "2026-11-30 09:00 Mon"],
    ["lunes", "2026-11-30 09:00 Mon"],
    ["miércoles 19:30", "2026-11-25 19:30 Wed"],
    ["sábado", "2026-11-28 09:00 Sat"],
    ["next friday at 5:30pm", "2026-11-27 17:30 Fri"],
    ["tuesday 18:00", "2026-11-24 18:00 Tue"],
    ["tuesday 08:00", "2026-12-01 08:00 Tue"],
    ["tuesday", "2026-12-01 09:00 Tue"],
    ["noon", "2026-11-24 12:00 Tue"],
  ])("%s → %s", (text, expected) => {
    expect(when(text)).toBe(expected);
  });

  it("tells whether a time was typed", () => {
    const dayOnly = parseWhen("monday", ctx);
    const withTime = parseWhen("monday 10:00", ctx);
    expect(dayOnly.ok && dayOnly.value.hadTime).toBe(false);
    expect(withTime.ok && withTime.value.hadTime).toBe(true);
  });

  it("uses the caller's default time for a day alone", () => {
    expect(when("friday", { ...ctx, defaultTime: { hour: 18, minute: 0 } } as typeof ctx)).toBe("2026-11-27 18:00 Fri");
  });

  it("reads the day in the room's zone, not in UTC", () => {
    // 23:30 UTC on Tuesday is already Wednesday 08:30 in Tokyo.
    const late = { zone: "Asia/Tokyo", nowUtc: Date.parse("2026-11-24T23:30Z") };
    const parsed = parseWhen("today 18:00", late);
    expect(parsed.ok && DateTime.fromMillis(parsed.value.utcMs, { zone: "Asia/Tokyo" }).toISODate()).toBe("2026-11-25");
  });

  it.each([
    ["", { code: "empty" }],
    ["someday", { code: "unrecognised", token: "someday" }],
    ["friday 25:00", { code: "bad-time", text: "25:00" }],
    ["13pm", { code: "bad-time", text: "13:00pm" }],
    ["2026-02-30 10:00", { code: "bad-date", text: "2026-02-30" }],
    ["friday monday", { code: "conflict", token: "monday" }],
    ["7", { code: "unrecognised", token: "7" }],
  ])("%j is a typed error", (text, error) => {
    expect(parseWhen(text, ctx)).toEqual({ ok: false, error });
  });

  it("refuses times in the past", () => {
    const parsed = parseWhen("today 08:00", ctx);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error.code).toBe("past");
    expect(parseWhen("2026-01-01 10:00", ctx)).toMatchObject({ ok: false, error: { code: "past" } });
  });
});

describe("parseUntil", () => {
  it("includes the whole named day", () => {
    const parsed = parseUntil("until 2026-12-20", ctx);
    expect(parsed.ok && show(parsed.value.utcMs)).toBe("2026-12-21 00:00 Mon");
    expect(parsed.ok && parsed.value.lastDay).toEqual({ year: 2026, month: 12, day: 20 });
  });

  it("understands Spanish and weekdays, including today's", () => {
    const friday = parseUntil("hasta el viernes", ctx);
    expect(friday.ok && show(friday.value.utcMs)).toBe("2026-11-28 00:00 Sat");
    const tuesday = parseUntil("until tuesday", ctx);
    expect(tuesday.ok && show(tuesday.value.utcMs)).toBe("2026-11-25 00:00 Wed");
  });

  it("keeps an explicit time", () => {
    const parsed = parseUntil("until friday 18:00", ctx);
    expect(parsed.ok && show(parsed.value.utcMs)).toBe("2026-11-27 18:00 Fri");
  });

  it("refuses a day already over", () => {
    expect(parseUntil("until 2026-11-20", ctx)).toMatchObject({ ok: false, error: { code: "past" } });
  });
});

describe("parseDuration", () => {
  it.each([
    ["2h", 120],
    ["90m", 90],
    ["1h30", 90],
    ["1h 30m", 90],
    ["1 hora y 30 minutos", 90],
    ["1.5 hours", 90],
    ["2 weeks", 2 * 7 * 24 * 60],
    ["3 days", 3 * 24 * 60],
    ["3 días", 3 * 24 * 60],
    ["2 semanas", 2 * 7 * 24 * 60],
  ])("%s is %i minutes", (text, minutes) => {
    const parsed = parseDuration(text);
    expect(parsed.ok && durationMinutes(parsed.value)).toBe(minutes);
  });

  it.each([
    ["", { code: "empty" }],
    ["soon", { code: "unrecognised", token: "soon" }],
    ["2 parsecs", { code: "unrecognised", token: "2 parsecs" }],
    ["0h", { code: "zero" }],
  ])("%j is a typed error", (text, error) => {
    expect(parseDuration(text)).toEqual({ ok: false, error });
  });

  it("adds days in local time across a DST change", () => {
    const parsed = parseDuration("2 days");
    if (!parsed.ok) throw new Error("unparsed");
    const saturday9 = Date.parse("2026-10-24T07:00Z");
    expect(show(addDuration(MADRID, saturday9, parsed.value))).toBe("2026-10-26 09:00 Mon");
  });
});

describe("natural dates and times", () => {
  it.each([
    ["in 2 hours", "2026-11-24 12:00 Tue"],
    ["en 2 horas", "2026-11-24 12:00 Tue"],
    ["dentro de 3 días", "2026-11-27 10:00 Fri"],
    ["4 Dec 17:00", "2026-12-04 17:00 Fri"],
    ["December 4 17:00", "2026-12-04 17:00 Fri"],
    ["dec 4th 7pm", "2026-12-04 19:00 Fri"],
    ["4 dic 17:00", "2026-12-04 17:00 Fri"],
    ["4 de diciembre 17:00", "2026-12-04 17:00 Fri"],
    ["el 4 de diciembre a las 17:00", "2026-12-04 17:00 Fri"],
    ["Friday 4 Dec, 17:00", "2026-12-04 17:00 Fri"],
    ["Saturday 4 Dec 2027, 17:00", "2027-12-04 17:00 Sat"],
    ["4 mar 10:00", "2027-03-04 10:00 Thu"],
    ["12/04 17:00", "2026-12-04 17:00 Fri"],
    ["25/12 17:00", "2026-12-25 17:00 Fri"],
    ["7.30pm", "2026-11-24 19:30 Tue"],
    ["7.30", "2026-11-25 07:30 Wed"],
    ["at 7", "2026-11-25 07:00 Wed"],
    ["a las 7", "2026-11-25 07:00 Wed"],
  ])("%s → %s", (text, expected) => {
    expect(when(text)).toBe(expected);
  });

  it("reads slash dates in the room's language: month first in English, day first in Spanish", () => {
    expect(when("12/04 17:00", { ...ctx, lang: "en" } as typeof ctx)).toBe("2026-12-04 17:00 Fri");
    expect(when("12/04 17:00", { ...ctx, lang: "es" } as typeof ctx)).toBe("2027-04-12 17:00 Mon");
    expect(when("12/04/2027 17:00", { ...ctx, lang: "en" } as typeof ctx)).toBe("2027-12-04 17:00 Sat");
  });

  it("refuses a weekday that disagrees with the date, and dates that do not exist", () => {
    expect(parseWhen("Saturday 4 Dec 17:00", ctx)).toEqual({
      ok: false,
      error: { code: "conflict", token: "saturday" },
    });
    expect(parseWhen("31 feb 10:00", ctx)).toMatchObject({ ok: false, error: { code: "bad-date" } });
    expect(parseWhen("13/13 10:00", ctx)).toMatchObject({ ok: false, error: { code: "bad-date" } });
  });

  it("reads month names in an absence's end", () => {
    const parsed = parseUntil("hasta el 4 de diciembre", ctx);
    expect(parsed.ok && show(parsed.value.utcMs)).toBe("2026-12-05 00:00 Sat");
  });
});

describe("dates too far ahead", () => {
  it.each(["9999-12-31 21:00", "2030-01-01 10:00", "4 Dec 2040 17:00", "in 9999 weeks"])(
    "%s is refused as too far",
    (text) => {
      expect(parseWhen(text, ctx)).toMatchObject({ ok: false, error: { code: "too-far" } });
    },
  );

  it("refuses an end too far ahead, and accepts one within the bound", () => {
    expect(parseUntil("until 9999-12-31", ctx)).toMatchObject({ ok: false, error: { code: "too-far" } });
    expect(parseWhen("2029-11-20 10:00", ctx).ok).toBe(true);
  });

  it("refuses durations of years", () => {
    expect(parseDuration("9999 weeks")).toEqual({ ok: false, error: { code: "too-long" } });
    expect(parseDuration("99999999999999999999999 hours")).toEqual({ ok: false, error: { code: "too-long" } });
  });
});
