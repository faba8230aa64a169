import {
  type CommandContext,
  commandsOf,
  doc,
  Level,
  orRefuse,
  p,
  param,
  UserError,
} from "../../src/kernel/authoring.js";
import { deadlineOf } from "./deadline.js";
import { outcomeText, proposalRef, renderClosed, renderOpened, renderStatus } from "./render.js";
import type { Proposal } from "./repository.js";
import { readProposal } from "./rules/proposal-text.js";
import { readReason, splitReason } from "./rules/vote-reason.js";
import { readVote } from "./rules/vote-words.js";
import type { GovernanceSlice } from "./services.js";

const command = commandsOf<GovernanceSlice>();
type Ctx = CommandContext<GovernanceSlice>;
export const CLOSE_KIND = "proposal.close";

function mustGet(number: number, ctx: Ctx): Proposal {
  return orRefuse(ctx.slice.repo.get(ctx.roomId, number), () => new UserError("proposal.unknown", { n: number }));
}

export const propose = command({
  name: "propose",
  es: "proponer",
  group: "proposal",
  summary: "propose.summary",
  examples: {
    en: [
      "propose We refuse overtime in December",
      "propose Where do we meet? options: union hall | café | online",
      "propose secret We file a grievance until friday 18:00",
    ],
    es: [
      "proponer Rechazamos las horas extra en diciembre",
      "proponer ¿Dónde nos reunimos? opciones: local del sindicato | café | en línea",
      "proponer secreta Presentamos una queja hasta el viernes 18:00",
    ],
  },
  level: Level.Member,
  params: { wording: param.rest({ max: 1500 }) },
  uses: ["jobs", "room"],
  run({ wording }, ctx) {
    if (ctx.room.direct) throw new UserError("proposal.in_room");
    const proposed = readProposal(wording);
    if (!proposed.ok)
      throw new UserError(`proposal.error.${proposed.error}`, {
        example: ctx.hint("propose", { wording: ctx.t.text("proposal.example") }),
      });
    const read = proposed.value;
    const closesAt = deadlineOf(read.until, ctx);
    const proposal = ctx.slice.open({
      roomId: ctx.roomId,
      question: read.question,
      options: read.options,
      maxChoices: read.maxChoices,
      secret: read.secret,
      proposer: ctx.sender.userId,
      openedAt: ctx.now,
      closesAt,
      eligible: ctx.room.people().map((m) => m.userId),
    });
    // Durable: the close survives restarts and runs once.
    ctx.jobs.schedule({
      kind: CLOSE_KIND,
      rule: { kind: "once", at: closesAt },
      ref: proposalRef(proposal.number),
      payload: { proposal: proposal.number },
    });
    return proposal;
  },
  render: renderOpened,
});

export const close = command({
  name: "propose close",
  es: "proponer # cerrar",
  aliases: ["propose # close", "proposal # close", "proponer # cerrar"],
  group: "proposal",
  summary: "propose.close.summary",
  examples: { en: ["propose 3 close"], es: ["proponer 3 cerrar"] },
  level: Level.Member,
  params: { proposal: param.int() },
  uses: ["jobs"],
  run({ proposal: number }, ctx) {
    const proposal = mustGet(number, ctx);
    if (proposal.proposer !== ctx.sender.userId && ctx.level < Level.Moderator)
      throw new UserError("proposal.not_yours", { n: number });
    const closed = ctx.slice.close(proposal, ctx.now, (pr, r) => outcomeText(pr, r, ctx));
    if (!closed)
      throw new UserError("proposal.closed_already", {
        n: number,
        show: ctx.hint("decision show", { decision: proposal.closed?.decision ?? 1 }),
      });
    ctx.jobs.deleteByRef(proposalRef(number));
    return closed;
  },
  render: renderClosed,
});

export const show = command({
  name: "proposal",
  es: "propuesta",
  aliases: ["proposal show"],
  group: "proposal",
  summary: "proposal.show.summary",
  examples: { en: ["proposal 3"], es: ["propuesta 3"] },
  level: Level.Member,
  params: { proposal: param.int() },
  run({ proposal: number }, ctx) {
    const proposal = mustGet(number, ctx);
    return { proposal, voters: proposal.secret ? 0 : ctx.slice.tally(proposal).voters };
  },
  render: (r, view) => renderStatus(r.proposal, false, r.voters, view),
});

/**
 * What a 👍 or 👎 on a proposal runs: it explains, once per proposal, that a reaction is not a vote.
 * Only reactions run it: it is not among the commands, so nobody can type it.
 */
export const reactedTo = command({
  name: "proposal reacted",
  group: "proposal",
  summary: "proposal.show.summary",
  examples: { en: [], es: [] },
  level: Level.Member,
  params: { proposal: param.int() },
  run: ({ proposal: number }, ctx) => {
    const proposal = mustGet(number, ctx);
    return { proposal, silent: !ctx.slice.repo.explainReactionOnce(proposal) };
  },
  render: (r, view) => (r.silent ? [] : renderStatus(r.proposal, true, 0, view)),
});

/**
 * What a reply to a proposal's poll runs: the words are the reason for the member's answer. Only
 * replies run it: it is not among the commands, so nobody can type it.
 */
export const reasonFor = command({
  name: "proposal reason",
  group: "proposal",
  summary: "vote.summary",
  examples: { en: [], es: [] },
  level: Level.Member,
  // Any reply may come here; the reason's own bound (with its own sentence) is checked in `run`.
  params: { proposal: param.int(), reason: param.rest({ max: 65_536 }) },
  uses: ["invocation"],
  run({ proposal: number, reason: words }, ctx) {
    const proposal = mustGet(number, ctx);
    // In the room, a reason would sit next to a name: a secret ballot takes it with the vote, in a direct chat.
    if (proposal.secret)
      throw new UserError("vote.reason.secret_reply", {
        vote: ctx.hint("vote", { proposal: proposal.ballotCode ?? "", choices: `… ${ctx.t.text("vote.because")}` }),
      });
    if (proposal.closed || ctx.invocation.sentAt > proposal.closesAt) throw new UserError("vote.closed", { n: number });
    const read = readReason(words);
    if ("reasonTooLong" in read) throw new UserError("vote.reason_long", { max: read.reasonTooLong });
    if ("reasonEmpty" in read || !ctx.slice.repo.giveReason(proposal, ctx.sender.userId, read.reason))
      throw new UserError("vote.reason.no_vote", { n: number });
    return { number };
  },
  render: ({ number }, view) => doc(p(...view.t.t("vote.reason.kept", { n: number }))),
});

export const vote = command({
  name: "vote",
  es: "votar",
  group: "proposal",
  summary: "vote.summary",
  examples: {
    en: ["vote 3 agree", "vote 4 1 3", "vote 3 block because it exposes the night shift", "vote K7P2 block"],
    es: ["votar 3 de acuerdo", "votar 4 1 3", "votar 3 bloqueo porque expone al turno de noche", "votar K7P2 bloqueo"],
  },
  level: Level.Member,
  params: { proposal: param.word({ max: 12 }), choices: param.rest({ max: 600 }) },
  uses: ["invocation", "room"],
  run({ proposal: target, choices }, ctx) {
    const number = /^#?(\d{1,9})$/.exec(target);
    const proposal = number ? mustGet(Number(number[1]), ctx) : ctx.slice.repo.byCode(target.toUpperCase());
    if (!proposal)
      throw new UserError("vote.unknown_code", {
        code: target,
        example: ctx.hint("vote", { proposal: 3, choices: ctx.t.text("proposal.word.agree") }),
      });
    // A secret vote is only taken in a direct chat, with the code: never in the room, never by number.
    if (proposal.secret && (number || !ctx.room.direct))
      throw new UserError("vote.secret_in_direct", { code: proposal.ballotCode ?? "" });
    if (!proposal.secret && !number)
      throw new UserError("vote.unknown_code", {
        code: target,
        example: ctx.hint("vote", { proposal: 3, choices: ctx.t.text("proposal.word.agree") }),
      });
    if (!proposal.eligible.includes(ctx.sender.userId))
      throw new UserError("vote.not_eligible", { n: proposal.number });
    if (proposal.closed || ctx.invocation.sentAt > proposal.closesAt)
      throw new UserError("vote.closed", { n: proposal.number });
    const split = splitReason(choices);
    if ("reasonEmpty" in split)
      throw new UserError("vote.reason_empty", {
        example: ctx.hint("vote", { proposal: target, choices: ctx.t.text("vote.reason.sample") }),
      });
    if ("reasonTooLong" in split) throw new UserError("vote.reason_long", { max: split.reasonTooLong });
    const { reason } = split;
    const vote = readVote(split.answer, proposal.options.length, proposal.maxChoices);
    if (!vote.ok) {
      const { error } = vote;
      if (error.code === "too-many") throw new UserError("vote.too_many", { max: error.max });
      throw new UserError(proposal.options.length === 0 ? "vote.unknown_answer" : "vote.unknown_option", {
        found: error.found,
        count: proposal.options.length,
      });
    }
    const read = vote.value;
    if (!proposal.secret) {
      const picked = read === "withdraw" ? [] : read.choices;
      if (picked.length === 0 && reason)
        throw new UserError("vote.reason_withdraw", {
          none: ctx.hint("vote", { proposal: proposal.number, choices: ctx.t.text("vote.word.none") }),
        });
      ctx.slice.repo.vote(proposal, ctx.sender.userId, picked, ctx.invocation.sentAt, reason);
      return { kind: "open" as const, proposal, choices: picked, askReason: picked.includes("block") && !reason };
    }
    if (read === "withdraw") throw new UserError("vote.secret_withdraw");
    if (read.receipt) {
      if (!ctx.slice.changeSecret(proposal, read.receipt, read.choices, reason))
        throw new UserError("vote.receipt_unknown");
      return { kind: "changed" as const, proposal };
    }
    if (ctx.slice.repo.hasVoted(proposal, ctx.sender.userId))
      throw new UserError("vote.secret_twice", {
        example: ctx.hint("vote", {
          proposal: ctx.t.text("vote.example.code"),
          choices: `${ctx.t.text("proposal.word.agree")} 7F3A-K2PX`,
        }),
      });
    const receipt = ctx.slice.castSecret(proposal, ctx.sender.userId, read.choices, reason);
    return { kind: "secret" as const, proposal, receipt, askReason: read.choices.includes("block") && !reason };
  },
  render(r, view) {
    const n = r.proposal.number;
    if (r.kind === "secret") {
      const code = r.proposal.ballotCode ?? "";
      const change = view.hint("vote", { proposal: code, choices: `<${view.t.text("arg.choices")}> ${r.receipt}` });
      const done = p(...view.t.t("vote.secret.done", { n, receipt: r.receipt, change }));
      const because = `${view.t.text("proposal.word.block")} ${r.receipt} ${view.t.text("vote.because")}`;
      return r.askReason
        ? doc(
            done,
            p(...view.t.t("vote.block.ask", { because: view.hint("vote", { proposal: code, choices: because }) })),
          )
        : doc(done);
    }
    if (r.kind === "changed") return doc(p(...view.t.t("vote.secret.changed", { n })));
    if (r.choices.length === 0) return doc(p(...view.t.t("vote.withdrawn", { n })));
    const done = p(...view.t.t("vote.done", { n, change: view.hint("vote", { proposal: n, choices: "…" }) }));
    if (!r.askReason) return doc(done);
    const because = `${view.t.text("proposal.word.block")} ${view.t.text("vote.because")}`;
    return doc(
      done,
      p(...view.t.t("vote.block.ask", { because: view.hint("vote", { proposal: n, choices: because }) })),
    );
  },
});

export const governanceCommands = [propose, close, show, vote];
