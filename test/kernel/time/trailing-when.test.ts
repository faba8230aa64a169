import { DateTime } from "luxon";
import { parseTrailingWhen, parseUntil } from "../../../src/kernel/time/natural.js";

const MADRID = "Europe/Madrid";
// Tuesday 2026-11-24, 10:00 in Madrid.
const nowUtc = Date.parse("2026-11-24T09:00Z");
const show = (ms: number) => DateTime.fromMillis(ms, { zone: MADRID }).toFormat("yyyy-MM-dd HH:mm ccc");

function read(text: string, lang: "en" | "es") {
  const parsed = parseTrailingWhen(text, { zone: MADRID, nowUtc, lang });
  if (parsed === undefined) return "none";
  return parsed.ok ? [parsed.value.before, show(parsed.value.when.utcMs)] : parsed.error.error.code;
}

describe("a time at the end of a text, the same forms in both languages", () => {
  it.each([
    ["walkout in 2 hours", "en", ["walkout", "2026-11-24 12:00 Tue"]],
    ["marcha en 2 horas", "es", ["marcha", "2026-11-24 12:00 Tue"]],
    ["marcha dentro de 3 días", "es", ["marcha", "2026-11-27 10:00 Fri"]],
    ["strike friday 17:00", "en", ["strike", "2026-11-27 17:00 Fri"]],
    ["huelga viernes 17:00", "es", ["huelga", "2026-11-27 17:00 Fri"]],
    ["huelga el viernes 17:00", "es", ["huelga", "2026-11-27 17:00 Fri"]],
    ["huelga el viernes a las 17:00", "es", ["huelga", "2026-11-27 17:00 Fri"]],
    ["walkout at friday 17:00", "en", ["walkout", "2026-11-27 17:00 Fri"]],
    ["walkout on friday at 5pm", "en", ["walkout", "2026-11-27 17:00 Fri"]],
    ["picket tomorrow", "en", ["picket", "2026-11-25 09:00 Wed"]],
    ["piquete mañana", "es", ["piquete", "2026-11-25 09:00 Wed"]],
    ["piquete mañana a las 7", "es", ["piquete", "2026-11-25 07:00 Wed"]],
    ["rally 2026-12-04 08:00", "en", ["rally", "2026-12-04 08:00 Fri"]],
    ["rally 12/04 18:00", "en", ["rally", "2026-12-04 18:00 Fri"]],
    ["concentración 12/04 18:00", "es", ["concentración", "2027-04-12 18:00 Mon"]],
    ["asamblea 4 de diciembre 18:00", "es", ["asamblea", "2026-12-04 18:00 Fri"]],
    ["sit-in at the office at friday 9:00", "en", ["sit-in at the office", "2026-11-27 09:00 Fri"]],
    ["sentada en la oficina el viernes 9:00", "es", ["sentada en la oficina", "2026-11-27 09:00 Fri"]],
    ["walk in the park friday 17:00", "en", ["walk in the park", "2026-11-27 17:00 Fri"]],
    ["march to gate 3 friday 17:00", "en", ["march to gate 3", "2026-11-27 17:00 Fri"]],
  ] as const)("%s (%s)", (text, lang, expected) => {
    expect(read(text, lang)).toEqual(expected);
  });

  it.each([
    ["walkout", "none"],
    ["walkout at the gate", "unrecognised"],
    ["walkout fridya 17:00", "unrecognised"],
    ["walkout 2020-01-01 10:00", "past"],
    ["walkout at 2026-02-31 10:00", "bad-date"],
    ["walkout in 9999 weeks", "too-far"],
  ] as const)("says what is wrong with %s", (text, expected) => {
    expect(read(text, "en")).toEqual(expected);
  });
});

describe("an end typed as a length of time", () => {
  it.each([
    ["until in 2 hours", "2026-11-24 12:00 Tue"],
    ["hasta en 2 horas", "2026-11-24 12:00 Tue"],
    ["hasta dentro de 3 días", "2026-11-27 10:00 Fri"],
    ["in 90 minutes", "2026-11-24 11:30 Tue"],
  ])("%s", (text, expected) => {
    const parsed = parseUntil(text, { zone: MADRID, nowUtc, lang: "en" });
    expect(parsed.ok && show(parsed.value.utcMs)).toBe(expected);
  });
});
