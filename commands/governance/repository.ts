import type { Db } from "../../src/platform/db.js";
import { perDb } from "../../src/platform/per-db.js";
import { nextNumber } from "../../src/platform/next-number.js";
import type { CharterChange } from "./charter/change.js";
import type { Outcome, Response } from "./rules/tally.js";

export interface Proposal {
  id: number;
  roomId: string;
  number: number;
  question: string;
  options: string[];
  maxChoices: number;
  secret: boolean;
  ballotCode: string | null;
  proposer: string;
  openedAt: number;
  closesAt: number;
  eligible: string[];
  closed: { at: number; outcome: Outcome; totals: Record<string, number>; decision: number | null } | null;
  /** What the charter becomes when this proposal is adopted. */
  charterChange: CharterChange | null;
}

export type NewProposal = Omit<Proposal, "id" | "number" | "closed" | "charterChange"> & {
  charterChange?: CharterChange;
};

interface Row {
  id: number;
  room_id: string;
  number: number;
  question: string;
  options: string;
  max_choices: number;
  secret: number;
  ballot_code: string | null;
  proposer: string;
  opened_at: number;
  closes_at: number;
  eligible: string;
  closed_at: number | null;
  outcome: string | null;
  totals: string | null;
  decision_number: number | null;
  charter_change: string | null;
}

const SELECT = "SELECT * FROM proposals";

const statements = perDb((db) => ({
  insert: db.prepare(
    `INSERT INTO proposals (room_id, number, question, options, max_choices, secret, ballot_code, proposer, opened_at, closes_at, eligible, charter_change)
     VALUES (@roomId, @number, @question, @options, @maxChoices, @secret, @ballotCode, @proposer, @openedAt, @closesAt, @eligible, @charterChange)`,
  ),
  get: db.prepare(`${SELECT} WHERE room_id = ? AND number = ?`),
  byCode: db.prepare(`${SELECT} WHERE ballot_code = ?`),
  open: db.prepare(`${SELECT} WHERE room_id = ? AND closed_at IS NULL ORDER BY number`),
  close: db.prepare(
    "UPDATE proposals SET closed_at = @at, outcome = @outcome, totals = @totals, decision_number = @decision WHERE id = @id AND closed_at IS NULL",
  ),
  vote: db.prepare(
    // A new answer without a reason keeps the reason given for the same answer, and drops one given for another.
    `INSERT INTO proposal_votes (proposal_id, voter, choices, voted_at, reason) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (proposal_id, voter) DO UPDATE SET choices = excluded.choices, voted_at = excluded.voted_at,
       reason = CASE WHEN excluded.reason IS NOT NULL THEN excluded.reason WHEN excluded.choices = proposal_votes.choices THEN proposal_votes.reason END
     WHERE excluded.voted_at >= proposal_votes.voted_at`,
  ),
  votes: db.prepare("SELECT voter, choices, voted_at, reason FROM proposal_votes WHERE proposal_id = ?"),
  giveReason: db.prepare(
    "UPDATE proposal_votes SET reason = ? WHERE proposal_id = ? AND voter = ? AND choices <> '[]'",
  ),
  hasVoted: db.prepare("SELECT 1 FROM proposal_voters WHERE proposal_id = ? AND voter = ?").pluck(),
  markVoted: db.prepare("INSERT INTO proposal_voters (proposal_id, voter) VALUES (?, ?)"),
  addBallot: db.prepare(
    "INSERT INTO proposal_ballots (proposal_id, receipt_hash, choices, reason) VALUES (?, ?, ?, ?)",
  ),
  changeBallot: db.prepare(
    `UPDATE proposal_ballots SET reason = CASE WHEN @reason IS NOT NULL THEN @reason WHEN choices = @choices THEN reason END, choices = @choices
     WHERE proposal_id = @id AND receipt_hash = @hash`,
  ),
  // By the reason's text: neither the order votes came in nor the receipt says anything about who wrote it.
  ballotReasons: db.prepare(
    "SELECT choices, reason FROM proposal_ballots WHERE proposal_id = ? AND reason IS NOT NULL ORDER BY reason, choices",
  ),
  ballots: db.prepare("SELECT choices FROM proposal_ballots WHERE proposal_id = ?").pluck(),
  quorum: db.prepare("SELECT percent, people FROM proposal_quorum WHERE room_id = ?"),
  setQuorum: db.prepare(
    "INSERT INTO proposal_quorum (room_id, percent, people) VALUES (?, ?, ?) ON CONFLICT (room_id) DO UPDATE SET percent = excluded.percent, people = excluded.people",
  ),
  explainReaction: db.prepare("UPDATE proposals SET reaction_explained = 1 WHERE id = ? AND reaction_explained = 0"),
  clearQuorum: db.prepare("DELETE FROM proposal_quorum WHERE room_id = ?"),
}));

/** How many must answer a proposal for it to count: a share of its members, or a number of people. */
export type Quorum = { percent: number } | { people: number };

function hydrate(r: Row): Proposal {
  return {
    id: r.id,
    roomId: r.room_id,
    number: r.number,
    question: r.question,
    options: JSON.parse(r.options) as string[],
    maxChoices: r.max_choices,
    secret: r.secret === 1,
    ballotCode: r.ballot_code,
    proposer: r.proposer,
    openedAt: r.opened_at,
    closesAt: r.closes_at,
    eligible: JSON.parse(r.eligible) as string[],
    closed:
      r.closed_at === null
        ? null
        : {
            at: r.closed_at,
            outcome: r.outcome as Outcome,
            totals: JSON.parse(r.totals ?? "{}") as Record<string, number>,
            decision: r.decision_number,
          },
    charterChange: r.charter_change === null ? null : (JSON.parse(r.charter_change) as CharterChange),
  };
}

/** Each room's proposals, their open votes, and secret ballots kept apart from who cast them. */
export const proposalsRepo = perDb((db: Db) => {
  const s = statements(db);
  const one = (row: unknown) => (row ? hydrate(row as Row) : undefined);
  return {
    create(p: NewProposal): Proposal {
      const number = nextNumber(db, "proposals", "room_id", p.roomId);
      s.insert.run({
        ...p,
        number,
        options: JSON.stringify(p.options),
        secret: p.secret ? 1 : 0,
        eligible: JSON.stringify(p.eligible),
        charterChange: p.charterChange ? JSON.stringify(p.charterChange) : null,
      });
      return one(s.get.get(p.roomId, number))!;
    },
    get: (roomId: string, number: number) => one(s.get.get(roomId, number)),
    byCode: (code: string) => one(s.byCode.get(code)),
    open: (roomId: string) => (s.open.all(roomId) as Row[]).map(hydrate),
    /** False when it was closed already (the deadline and a command may race). */
    close(p: Proposal, at: number, outcome: Outcome, totals: Record<string, number>, decision: number | null): boolean {
      return s.close.run({ id: p.id, at, outcome, totals: JSON.stringify(totals), decision }).changes === 1;
    },
    vote: (p: Proposal, voter: string, choices: readonly string[], at: number, reason?: string) =>
      void s.vote.run(p.id, voter, JSON.stringify(choices), at, reason ?? null),
    votes: (p: Proposal): (Response & { reason: string | null })[] =>
      (s.votes.all(p.id) as { voter: string; choices: string; voted_at: number; reason: string | null }[]).map((r) => ({
        voter: r.voter,
        choices: JSON.parse(r.choices) as string[],
        at: r.voted_at,
        reason: r.reason,
      })),
    /** A reason for the member's current answer; false when they have none. */
    giveReason: (p: Proposal, voter: string, reason: string) => s.giveReason.run(reason, p.id, voter).changes === 1,
    hasVoted: (p: Proposal, voter: string) => s.hasVoted.get(p.id, voter) !== undefined,
    /** A first secret vote: two rows that share nothing but the proposal. */
    castSecret(p: Proposal, voter: string, receiptHash: string, choices: readonly string[], reason?: string): void {
      s.markVoted.run(p.id, voter);
      s.addBallot.run(p.id, receiptHash, JSON.stringify(choices), reason ?? null);
    },
    changeSecret: (p: Proposal, receiptHash: string, choices: readonly string[], reason?: string) =>
      s.changeBallot.run({ id: p.id, hash: receiptHash, choices: JSON.stringify(choices), reason: reason ?? null })
        .changes === 1,
    ballots: (p: Proposal) => (s.ballots.all(p.id) as string[]).map((c) => JSON.parse(c) as string[]),
    /** The reasons given on a secret ballot, each with its choice and nothing else, in the order of their text. */
    ballotReasons: (p: Proposal) =>
      (s.ballotReasons.all(p.id) as { choices: string; reason: string }[]).map((r) => ({
        choices: JSON.parse(r.choices) as string[],
        text: r.reason,
      })),
    /** True the first time only: the bot explains once per proposal that a reaction is not a vote. */
    explainReactionOnce: (p: Proposal) => s.explainReaction.run(p.id).changes === 1,
    quorum(roomId: string): Quorum | null {
      const row = s.quorum.get(roomId) as { percent: number | null; people: number | null } | undefined;
      if (!row) return null;
      return row.people !== null ? { people: row.people } : { percent: row.percent ?? 0 };
    },
    setQuorum(roomId: string, quorum: Quorum | null): void {
      if (quorum === null) s.clearQuorum.run(roomId);
      else
        s.setQuorum.run(roomId, "percent" in quorum ? quorum.percent : null, "people" in quorum ? quorum.people : null);
    },
  };
});

export type ProposalsRepo = ReturnType<typeof proposalsRepo>;
