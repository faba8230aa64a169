import { commandsOf, doc, Level, p, param } from "../../src/kernel/authoring.js";
import type { PostHandler } from "../../src/kernel/scheduler/post.js";
import { inCell } from "./keeper.js";
import { moneyError } from "./movements.js";
import { money } from "./render.js";
import { pledgeTotals } from "./rules/balance.js";
import { readPledgeText } from "./rules/movement-text.js";
import type { Money } from "./rules/money.js";
import { expirePayout } from "./expiry.js";
import { PAYOUT_EXPIRY_KIND, PLEDGE_REMINDER_KIND, REQUEST_NOTICE_KIND, type FundSlice } from "./services.js";

const command = commandsOf<FundSlice>();

/** The monthly reminder: the first of each month at 10:00, in the cell's zone. */
const MONTHLY = { kind: "cron" as const, expression: "0 10 1 * *" };

export const pledge = command({
  name: "fund pledge",
  es: "fondo cuota",
  aliases: ["fondo comprometer"],
  group: "fund",
  summary: "fund.pledge.summary",
  examples: {
    en: ["fund pledge €10 monthly", "fund pledge stop"],
    es: ["fondo cuota 10 € al mes", "fondo cuota parar"],
  },
  level: Level.Member,
  params: { text: param.rest({ max: 100 }) },
  uses: ["jobs", "room"],
  run({ text }, ctx): { stopped: number } | { money: Money } {
    inCell(ctx);
    const read = readPledgeText(text);
    if (!read.ok) moneyError(read, ctx.hint("fund pledge", { text: ctx.t.text("fund.pledge.example") }));
    ctx.slice.repo.room(ctx.roomId);
    if (read.value === "stop") return { stopped: ctx.slice.repo.stopPledges(ctx.roomId, ctx.sender.userId) };
    ctx.slice.repo.pledge(ctx.roomId, ctx.sender.userId, read.value, ctx.now);
    if (ctx.jobs.byKind(PLEDGE_REMINDER_KIND).length === 0)
      ctx.jobs.upsert({ kind: PLEDGE_REMINDER_KIND, rule: MONTHLY });
    return { money: read.value };
  },
  render: (r, view) =>
    "money" in r
      ? doc(
          p(
            ...view.t.t("fund.pledge.done", {
              amount: money(r.money, view),
              stop: view.hint("fund pledge", { text: view.t.text("fund.pledge.stop_word") }),
            }),
          ),
        )
      : doc(p(...view.t.t(r.stopped > 0 ? "fund.pledge.stopped" : "fund.pledge.none"))),
});

export const pledgeCommands = [pledge];

/** The month's reminder: pledged totals and how many people pledge, never who. */
export const remindPledges: PostHandler<FundSlice> = (ctx) => {
  const pledges = ctx.slice.repo.pledges(ctx.job.roomId);
  if (pledges.length === 0) return null;
  const amounts = pledgeTotals(pledges)
    .map((m) => money(m, ctx))
    .join(" · ");
  return doc(
    p(
      ...ctx.t.t("fund.pledges.reminder", {
        count: new Set(pledges.map((pl) => pl.person)).size,
        amounts,
        show: ctx.hint("fund"),
      }),
    ),
  );
};

/** The cell learns that a request waits, and how many: never who asked, nor how much. */
export const noticeRequest: PostHandler<FundSlice> = (ctx) => {
  const waiting = ctx.slice.repo.waiting(ctx.job.roomId).length;
  if (waiting === 0) return null;
  const { code } = ctx.slice.repo.room(ctx.job.roomId);
  return doc(
    p(...ctx.t.t("fund.requests.notice", { count: waiting, see: ctx.hint("fund requests", { fundcode: code }) })),
  );
};

export const fundPosts = {
  [PLEDGE_REMINDER_KIND]: remindPledges,
  [REQUEST_NOTICE_KIND]: noticeRequest,
  [PAYOUT_EXPIRY_KIND]: expirePayout,
};
