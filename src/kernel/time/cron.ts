import { err, ok, type Result } from "../result.js";

/**
 * Five-field cron expressions (minute hour day-of-month month day-of-week), parsed here so the
 * schedule can be computed in a room's time zone with the DST rules of resolveLocal; node-cron
 * only ticks. Day-of-month and day-of-week follow Vixie cron: when both are restricted, a day
 * matching either one counts.
 */
export interface CronSpec {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  /** 0 = Sunday … 6 = Saturday (7 is folded into 0). */
  daysOfWeek: ReadonlySet<number>;
  dayOfMonthRestricted: boolean;
  dayOfWeekRestricted: boolean;
}

export type CronError =
  | { code: "cron-field-count"; found: number }
  | { code: "cron-bad-field"; field: CronFieldName; text: string };

export type CronFieldName = "minute" | "hour" | "day-of-month" | "month" | "day-of-week";

interface FieldShape {
  name: CronFieldName;
  min: number;
  max: number;
  names?: readonly string[];
}

const FIELDS: readonly FieldShape[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day-of-month", min: 1, max: 31 },
  {
    name: "month",
    min: 1,
    max: 12,
    names: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
  },
  { name: "day-of-week", min: 0, max: 7, names: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] },
];

function parseValue(text: string, shape: FieldShape): number | undefined {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= shape.min && n <= shape.max ? n : undefined;
  }
  const index = shape.names?.indexOf(text.toLowerCase()) ?? -1;
  if (index < 0) return undefined;
  return shape.name === "month" ? index + 1 : index;
}

function parseField(text: string, shape: FieldShape): Set<number> | undefined {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const m = /^(\*|[a-z0-9]+(?:-[a-z0-9]+)?)(?:\/(\d+))?$/i.exec(part);
    if (!m || m[1] === undefined) return undefined;
    const step = m[2] === undefined ? 1 : Number(m[2]);
    if (step < 1) return undefined;
    let from: number | undefined;
    let to: number | undefined;
    if (m[1] === "*") {
      from = shape.min;
      to = shape.name === "day-of-week" ? 6 : shape.max;
    } else {
      const [a, b] = m[1].split("-");
      from = parseValue(a ?? "", shape);
      // "5/15" means from 5 to the end in steps of 15, as in Vixie cron.
      to = b === undefined ? (m[2] === undefined ? from : shape.max) : parseValue(b, shape);
    }
    if (from === undefined || to === undefined || from > to) return undefined;
    for (let v = from; v <= to; v += step) values.add(shape.name === "day-of-week" && v === 7 ? 0 : v);
  }
  return values;
}

export function parseCron(expression: string): Result<CronSpec, CronError> {
  const parts = expression
    .trim()
    .split(/\s+/)
    .filter((p) => p.length > 0);
  if (parts.length !== FIELDS.length) return err({ code: "cron-field-count", found: parts.length });
  const sets: Set<number>[] = [];
  for (const [i, shape] of FIELDS.entries()) {
    const text = parts[i] ?? "";
    const set = parseField(text, shape);
    if (!set) return err({ code: "cron-bad-field", field: shape.name, text });
    sets.push(set);
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = sets as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  return ok({
    minutes,
    hours,
    daysOfMonth,
    months,
    daysOfWeek,
    dayOfMonthRestricted: !(parts[2] ?? "").startsWith("*"),
    dayOfWeekRestricted: !(parts[4] ?? "").startsWith("*"),
  });
}

/** Whether a calendar day (weekday 0 = Sunday) is one the expression fires on. */
export function cronMatchesDay(spec: CronSpec, month: number, day: number, weekdaySun0: number): boolean {
  if (!spec.months.has(month)) return false;
  const domOk = spec.daysOfMonth.has(day);
  const dowOk = spec.daysOfWeek.has(weekdaySun0);
  if (spec.dayOfMonthRestricted && spec.dayOfWeekRestricted) return domOk || dowOk;
  if (spec.dayOfMonthRestricted) return domOk;
  if (spec.dayOfWeekRestricted) return dowOk;
  return true;
}
