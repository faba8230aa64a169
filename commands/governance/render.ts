import type { RenderContext } from "../../src/kernel/command.js";
import { list, p, type Block, type Doc, type Poll } from "../../src/kernel/doc.js";
import { formatWhen } from "../../src/kernel/time/format.js";
import type { Proposal } from "./repository.js";
import type { ConsentAnswer, Tally } from "./rules/tally.js";
import { answersOf, isConsent, type Closed, type VoteReason } from "./services.js";

export const proposalRef = (number: number) => `proposal:${number}`;

const when = (utcMs: number, view: RenderContext) => formatWhen(utcMs, view.settings.timezone, view.t.lang, view.now);

// A consent proposal's answer ids are its CONSENT answers (services.ts answersOf).
/** An answer id as members read it: "agree" in the room's words, or the option's own text. */
export function answerText(proposal: Proposal, id: string, view: Pick<RenderContext, "t">): string {
  return isConsent(proposal)
    ? view.t.text(`proposal.answer.${id as ConsentAnswer}`)
    : (proposal.options[Number(id.slice(1)) - 1] ?? id);
}

/** What members type to vote with `!vote`: the consent word, or the option's number. */
const voteWord = (proposal: Proposal, id: string, view: RenderContext) =>
  isConsent(proposal) ? view.t.text(`proposal.word.${id as ConsentAnswer}`) : id.slice(1);

function pollOf(proposal: Proposal, view: RenderContext): Poll {
  return {
    question: proposal.question,
    answers: answersOf(proposal).map((id) => ({ id, text: answerText(proposal, id, view) })),
    maxSelections: proposal.maxChoices,
    disclosed: true,
  };
}

/**
 * The announcement: a native poll (its blocks are the plain-text fallback: the answers and how to
 * `!vote`), or for a secret ballot the code to vote with in a direct chat.
 */
export function renderOpened(proposal: Proposal, view: RenderContext): Doc {
  const n = proposal.number;
  const ids = answersOf(proposal);
  const blocks: Block[] = [
    {
      kind: "p",
      parts: view.t.t(proposal.secret ? "proposal.opened.secret" : "proposal.opened", {
        n,
        question: proposal.question,
      }),
    },
    list(ids.map((id) => [`${voteWord(proposal, id, view)}: ${answerText(proposal, id, view)}`])),
  ];
  if (proposal.maxChoices > 1) blocks.push(p(...view.t.t("proposal.max", { max: proposal.maxChoices })));
  const first = voteWord(proposal, ids[0]!, view);
  if (proposal.secret) {
    blocks.push(
      p(
        ...view.t.t("proposal.how.secret", {
          code: proposal.ballotCode ?? "",
          vote: view.hint("vote", { proposal: proposal.ballotCode ?? "", choices: first }),
        }),
      ),
    );
  } else {
    blocks.push(p(...view.t.t("proposal.how", { vote: view.hint("vote", { proposal: n, choices: first }) })));
    blocks.push(p(...view.t.t("proposal.how.reason")));
  }
  blocks.push(
    p(
      ...view.t.t("proposal.closes", {
        when: when(proposal.closesAt, view),
        close: view.hint("propose close", { proposal: n }),
      }),
    ),
  );
  return { blocks, ref: proposalRef(n), ...(proposal.secret ? {} : { poll: pollOf(proposal, view) }) };
}

/** "agree 3, abstain 1, disagree 0, block 0", in the room's words. */
export function countsText(proposal: Proposal, counts: Record<string, number>, view: Pick<RenderContext, "t">): string {
  return answersOf(proposal)
    .map((id) => `${answerText(proposal, id, view)} ${counts[id] ?? 0}`)
    .join(", ");
}

/** The outcome in one line, as the decision log keeps it. */
export function outcomeText(proposal: Proposal, result: Tally, view: Pick<RenderContext, "t">): string {
  const leaders = result.leaders.map((id) => answerText(proposal, id, view)).join(" / ");
  const article =
    proposal.charterChange && proposal.charterChange.change !== "add" ? proposal.charterChange.article : 0;
  const outcome = view.t.text(`proposal.outcome.${result.outcome}`, { leaders, article });
  return view.t.text("proposal.decision", {
    n: proposal.number,
    question: proposal.question,
    outcome,
    counts: countsText(proposal, result.counts, view),
  });
}

/** The close: ends the native poll with the result, and after a block, thanks and an invitation. */
export function renderClosed({ proposal, result, decision, blockers, reasons }: Closed, view: RenderContext): Doc {
  const n = proposal.number;
  const blocks: Block[] = [
    p(...view.t.t("proposal.closed", { n, outcome: outcomeText(proposal, result, view) })),
    p(...view.t.t("proposal.turnout", { voters: result.voters, eligible: result.eligible })),
    p(...view.t.t("proposal.recorded", { decision, show: view.hint("decision show", { decision }) })),
    ...reasonBlocks(proposal, reasons, view),
  ];
  if (result.outcome === "blocked") {
    const people = [...blockers.map((b) => view.personOf(b)), view.personOf(proposal.proposer)];
    blocks.push(
      p(...view.t.t(blockers.length > 0 ? "proposal.block.thanks.named" : "proposal.block.thanks", { who: people })),
    );
  }
  return proposal.secret ? { blocks, ref: proposalRef(n) } : { blocks, endsPoll: proposalRef(n) };
}

/**
 * The reasons given, grouped by answer in the poll's order: named for an open vote, and for a
 * secret ballot by their text alone (they come ordered by text, which says nothing about who).
 */
function reasonBlocks(proposal: Proposal, reasons: readonly VoteReason[], view: RenderContext): Block[] {
  if (reasons.length === 0) return [];
  const order = answersOf(proposal);
  const rank = (r: VoteReason) => Math.min(...r.choices.map((c) => order.indexOf(c)));
  const line = (r: VoteReason) => {
    const answer = r.choices.map((id) => answerText(proposal, id, view)).join(" / ");
    return r.voter === undefined
      ? view.t.t("proposal.reason", { answer, text: r.text })
      : view.t.t("proposal.reason.named", { answer, text: r.text, who: view.personOf(r.voter) });
  };
  return [p(...view.t.t("proposal.reasons")), list([...reasons].sort((a, b) => rank(a) - rank(b)).map(line))];
}

/** `!proposal 3`: where it stands; after a reaction, that a reaction is not a vote and what is. */
export function renderStatus(proposal: Proposal, reaction: boolean, voters: number, view: RenderContext): Doc {
  const n = proposal.number;
  const first = voteWord(proposal, answersOf(proposal)[0]!, view);
  const vote = proposal.secret
    ? view.hint("vote", { proposal: proposal.ballotCode ?? "", choices: first })
    : view.hint("vote", { proposal: n, choices: first });
  if (reaction)
    return {
      blocks: [p(...view.t.t(proposal.secret ? "proposal.reaction.secret" : "proposal.reaction", { n, vote }))],
      ref: proposalRef(n),
    };
  if (proposal.closed)
    return {
      blocks: [
        p(
          ...view.t.t("proposal.status.closed", {
            n,
            question: proposal.question,
            decision: proposal.closed.decision ?? 0,
          }),
        ),
      ],
    };
  const blocks: Block[] = [
    p(...view.t.t("proposal.status", { n, question: proposal.question, when: when(proposal.closesAt, view), vote })),
  ];
  if (!proposal.secret) blocks.push(p(...view.t.t("proposal.turnout", { voters, eligible: proposal.eligible.length })));
  return { blocks, ref: proposalRef(n) };
}
