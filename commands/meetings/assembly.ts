import { commandsOf } from "../../src/kernel/command.js";
import { doc, p, type Doc } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import type { PostHandler } from "../../src/kernel/scheduler/post.js";
import { formatWhen } from "../../src/kernel/time/format.js";
import { toLocal } from "../../src/kernel/time/local-time.js";
import { parseTimeOfDay, parseWeekday } from "../../src/kernel/time/natural.js";
import type { Rule } from "../../src/kernel/time/recurrence.js";
import type { Db } from "../../src/platform/db.js";
import { buildDigest, digestDoc, ledgerReader, monthName, monthPeriod, posterDocs } from "../ledger/index.js";
import type { MeetingSlice } from "./services.js";

export const ASSEMBLY_KIND = "meeting.assembly";
/** The digest and poster come an hour early: time to read them, print them, bring them along. */
export const ASSEMBLY_LEAD_MINUTES = 60;

/** What the assembly's post reads: the room's ledger. */
export const assemblyServices = (db: Db) => ({ assemblyLedger: ledgerReader(db) });
export type AssemblySlice = MeetingSlice & ReturnType<typeof assemblyServices>;

const ORDINALS: Record<string, 1 | 2 | 3 | 4 | -1> = {
  first: 1,
  "1st": 1,
  primer: 1,
  primero: 1,
  primera: 1,
  second: 2,
  "2nd": 2,
  segundo: 2,
  segunda: 2,
  third: 3,
  "3rd": 3,
  tercer: 3,
  tercero: 3,
  tercera: 3,
  fourth: 4,
  "4th": 4,
  cuarto: 4,
  cuarta: 4,
  last: -1,
  último: -1,
  ultimo: -1,
  última: -1,
  ultima: -1,
};

/** A trailing "offline" (or "presencial"): the meeting happens with phones outside. */
export function offlineFlag(text: string): { rest: string; offline: boolean } {
  const m = /^(.*?)\s+(offline|presencial|sin\s+m[oó]viles)$/i.exec(text.trim());
  return m ? { rest: m[1] ?? "", offline: true } : { rest: text.trim(), offline: false };
}

/** "monthly first monday 19:00" / "mensual primer lunes 19:00". */
export function assemblyRule(text: string): Rule | undefined {
  const m = /^(?:monthly|mensual|cada\s+mes)\s+(\S+)\s+(\S+)\s+(\S+)$/i.exec(text.trim());
  if (!m) return undefined;
  const nth = ORDINALS[(m[1] ?? "").toLowerCase()];
  const weekday = parseWeekday(m[2] ?? "");
  const clock = parseTimeOfDay(m[3] ?? "");
  if (nth === undefined || weekday === undefined || clock === undefined) return undefined;
  return {
    kind: "monthly",
    nth,
    weekday,
    time: `${String(clock.hour).padStart(2, "0")}:${String(clock.minute).padStart(2, "0")}`,
  };
}

const command = commandsOf<AssemblySlice>();

export const assembly = command({
  name: "assembly",
  es: "asamblea",
  group: "meeting",
  summary: "assembly.summary",
  examples: {
    en: ["assembly monthly first monday 19:00", "assembly monthly last friday 18:30 offline", "assembly off"],
    es: [
      "asamblea mensual primer lunes 19:00",
      "asamblea mensual último viernes 18:30 sin móviles",
      "asamblea cancelar",
    ],
  },
  level: Level.Moderator,
  params: { when: param.rest({ max: 60 }) },
  uses: ["jobs"],
  run({ when }, ctx) {
    if (/^(off|cancel|cancelar|ninguna)$/i.test(when.trim())) {
      const jobs = ctx.jobs.byKind(ASSEMBLY_KIND);
      for (const job of jobs) ctx.jobs.delete(job.id);
      return { cancelled: jobs.length };
    }
    const { rest, offline } = offlineFlag(when);
    const rule = assemblyRule(rest);
    if (!rule)
      throw new UserError("assembly.bad", {
        found: when,
        example: ctx.hint("assembly", { when: ctx.t.text("assembly.example.when") }),
      });
    const job = ctx.jobs.schedule({
      kind: ASSEMBLY_KIND,
      rule,
      offsetMinutes: -ASSEMBLY_LEAD_MINUTES,
      payload: offline ? { offline: true } : {},
    });
    return { offline, meetingAt: (job.nextRunUtc as number) + ASSEMBLY_LEAD_MINUTES * 60_000 };
  },
  render(result, view) {
    if (result.cancelled !== undefined)
      return doc(
        p(...view.t.t(result.cancelled === 0 ? "assembly.off_none" : "assembly.off", { count: result.cancelled })),
      );
    const when = formatWhen(result.meetingAt as number, view.settings.timezone, view.t.lang, view.now);
    return doc(
      p(...view.t.t("assembly.noted", { when, minutes: ASSEMBLY_LEAD_MINUTES })),
      ...(result.offline ? [p(...view.t.t("meeting.offline_noted"))] : []),
    );
  },
});

/**
 * Before each assembly: the last whole month's digest, to read aloud, then its care poster.
 * An offline assembly is never posted about once it has begun (a late bot stays quiet).
 */
export const assemblyPost: PostHandler<AssemblySlice> = (ctx) => {
  const startsAt = ctx.scheduledFor + ASSEMBLY_LEAD_MINUTES * 60_000;
  if (ctx.job.payload.offline === true && ctx.now >= startsAt) return null;
  const local = toLocal(ctx.job.zone, startsAt);
  const previous =
    local.month === 1 ? { year: local.year - 1, month: 12 } : { year: local.year, month: local.month - 1 };
  const period = monthPeriod(startsAt, ctx.job.zone, previous);
  const digest = buildDigest(ctx.slice.assemblyLedger.between(ctx.job.roomId, period.start, period.end));
  const month = monthName(period, ctx);
  const posts: Doc[] = [digestDoc(ctx.t.t("assembly.digest_title", { month }), digest, ctx)];
  posts.push(...(posterDocs(period, digest, ctx) ?? []));
  if (ctx.job.payload.offline === true) posts.push(doc(p(...ctx.t.t("meeting.offline_reminder"))));
  return posts;
};
