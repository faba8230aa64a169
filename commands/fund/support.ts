import { commandsOf, doc, Level, list, listing, p, param, UserError } from "../../src/kernel/authoring.js";
import { labelled } from "../../src/kernel/params.js";
import { inCell, mustBeKeeperOrModerator, type Ctx } from "./keeper.js";
import { moneyError, mustHold } from "./movements.js";
import { money } from "./render.js";
import type { SupportRequest } from "./repository.js";
import { secondSignature } from "./rules/balance.js";
import { readMoney } from "./rules/money.js";
import { REQUEST_NOTICE_KIND, type FundSlice } from "./services.js";

const command = commandsOf<FundSlice>();

/** The cell a direct message names by its fund code. */
function cellOf(code: string, ctx: Ctx): string {
  const roomId = ctx.slice.repo.roomByCode(code);
  if (!roomId) throw new UserError("fund.code.unknown", { code, fund: ctx.hint("fund") });
  return roomId;
}

export const ask = command({
  name: "fund ask",
  es: "fondo pedir",
  group: "fund",
  summary: "fund.ask.summary",
  examples: { en: ["fund ask K7Q2M €200 rent"], es: ["fondo pedir K7Q2M 200 € alquiler"] },
  level: Level.Member,
  params: { fundcode: param.word({ max: 12 }), text: param.rest({ max: 300 }) },
  rateLimit: { bucket: "fund.ask", perHour: () => 5, refusal: "fund.ask.too_many" },
  uses: ["elsewhere", "room"],
  run({ fundcode: code, text }, ctx) {
    // Asking in the cell would tell everyone who asked: only a direct message keeps the name private.
    if (!ctx.room.direct) throw new UserError("fund.ask.direct_only");
    const roomId = cellOf(code, ctx);
    const read = readMoney(text);
    if (!read.ok) moneyError(read, ctx.hint("fund ask", { fundcode: code, text: ctx.t.text("fund.ask.example") }));
    const number = ctx.slice.repo.addRequest({
      roomId,
      asker: ctx.sender.userId,
      money: read.value.money,
      reason: read.value.rest,
      askedAt: ctx.now,
    });
    // The cell hears that a request waits from a post there on the next minute, never from this chat.
    const nextMinute = Math.floor(ctx.now / 60_000) * 60_000 + 60_000;
    ctx.elsewhere(roomId).jobs.schedule({
      kind: REQUEST_NOTICE_KIND,
      rule: { kind: "once", at: nextMinute },
      ref: `fundrequest:${number}`,
    });
    return { number, amount: read.value.money };
  },
  render: ({ number, amount }, view) =>
    doc(p(...view.t.t("fund.ask.done", { n: number, amount: money(amount, view) }))),
});

export const requests = command({
  name: "fund requests",
  es: "fondo solicitudes",
  group: "fund",
  summary: "fund.requests.summary",
  examples: { en: ["fund requests", "fund requests K7Q2M"], es: ["fondo solicitudes", "fondo solicitudes K7Q2M"] },
  level: Level.Member,
  params: { fundcode: param.word({ max: 12, optional: true }) },
  uses: ["room"],
  run({ fundcode: code }, ctx) {
    if (!ctx.room.direct)
      return {
        names: false as const,
        waiting: ctx.slice.repo.waiting(ctx.roomId).length,
        code: ctx.slice.repo.room(ctx.roomId).code,
      };
    if (!code)
      throw new UserError("fund.requests.code_needed", {
        example: ctx.hint("fund requests", { fundcode: "K7Q2M" }),
        fund: ctx.hint("fund"),
      });
    const roomId = cellOf(code, ctx);
    const keeper = ctx.slice.keeper(roomId, ctx.slice.zoneOf(roomId, ctx.settings), ctx.now);
    // Names reach the keeper, and whoever signed a request (the approver) for that request only.
    const me = ctx.sender.userId;
    const shown = ctx.slice.repo.waiting(roomId).filter((r) => keeper === me || r.firstGrantBy === me);
    return { names: true as const, list: shown, isKeeper: keeper === me, code: code.toUpperCase() };
  },
  render(r, view) {
    if (!r.names)
      return doc(
        p(
          ...view.t.t("fund.requests.count", {
            count: r.waiting,
            see: view.hint("fund requests", { fundcode: r.code }),
          }),
        ),
      );
    if (r.list.length === 0)
      return doc(p(...view.t.t(r.isKeeper ? "fund.requests.none" : "fund.requests.keeper_only")));
    const line = (q: SupportRequest) =>
      view.t.t("fund.requests.line", {
        n: q.number,
        who: view.personOf(q.asker),
        amount: money(q, view),
        reason: q.reason || "—",
      });
    return listing(doc(p(...view.t.t("fund.requests.title", { code: r.code })), list(r.list.map(line))));
  },
});

function waitingRequest(number: number, ctx: Ctx): SupportRequest {
  const q = ctx.slice.repo.request(ctx.roomId, number);
  if (!q || q.status !== "waiting")
    throw new UserError(q ? "fund.request.decided" : "fund.request.unknown", { n: number });
  if (q.asker === ctx.sender.userId) throw new UserError("fund.request.own", { n: number });
  return q;
}

export const grant = command({
  name: "fund grant",
  es: "fondo conceder",
  group: "fund",
  summary: "fund.grant.summary",
  examples: { en: ["fund grant 3"], es: ["fondo conceder 3"] },
  level: Level.Member,
  params: { request: labelled(param.int(), "arg.fund.request") },
  uses: ["room"],
  run({ request: number }, ctx) {
    inCell(ctx);
    const keeper = mustBeKeeperOrModerator(ctx);
    const q = waitingRequest(number, ctx);
    const me = ctx.sender.userId;
    mustHold(ctx, q);
    if (q.firstGrantBy === null || q.firstGrantBy === me) {
      ctx.slice.repo.firstGrant(ctx.roomId, number, me);
      return { number, paid: undefined, needsKeeper: keeper !== null && keeper !== me };
    }
    const check = secondSignature(q.firstGrantBy, me, keeper);
    if (check !== "ok") throw new UserError(`fund.second.${check}`, { n: number });
    const paid = ctx.slice.repo.addMovement({
      roomId: ctx.roomId,
      direction: "out",
      currency: q.currency,
      minor: q.minor,
      person: null,
      note: "",
      status: "done",
      request: number,
      proposedBy: q.firstGrantBy,
      proposedAt: ctx.now,
      approvedBy: me,
      effectiveAt: ctx.now,
    });
    ctx.slice.repo.decide(ctx.roomId, number, "granted", me, ctx.now);
    return { number, paid, needsKeeper: false };
  },
  render({ number, paid, needsKeeper }, view) {
    if (paid)
      return doc(p(...view.t.t("fund.grant.done", { n: number, amount: money(paid, view), movement: paid.number })));
    return doc(
      p(
        ...view.t.t(needsKeeper ? "fund.grant.first.keeper" : "fund.grant.first", {
          n: number,
          grant: view.hint("fund grant", { request: number }),
        }),
      ),
    );
  },
});

export const decline = command({
  name: "fund decline",
  es: "fondo rechazar",
  group: "fund",
  summary: "fund.decline.summary",
  examples: { en: ["fund decline 3"], es: ["fondo rechazar 3"] },
  level: Level.Member,
  params: { request: labelled(param.int(), "arg.fund.request") },
  uses: ["room"],
  run({ request: number }, ctx) {
    inCell(ctx);
    mustBeKeeperOrModerator(ctx);
    waitingRequest(number, ctx);
    ctx.slice.repo.decide(ctx.roomId, number, "declined", ctx.sender.userId, ctx.now);
    return { number };
  },
  render: ({ number }, view) => doc(p(...view.t.t("fund.decline.done", { n: number }))),
});

export const supportCommands = [ask, requests, grant, decline];
