import { createHash, randomBytes, randomInt } from "node:crypto";
import type { Db } from "../../src/platform/db.js";
import { decisionRecorder } from "../decisions/index.js";
import { applyCharterChange } from "./charter/change.js";
import { charterRepo } from "./charter/repository.js";
import { proposalsRepo, type NewProposal, type Proposal } from "./repository.js";
import { CONSENT, decide, countedResponses, type Result } from "./rules/tally.js";

/** Letters and digits nobody confuses when reading them aloud or copying them (no 0/O, 1/I/L). */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

function randomCode(length: number): string {
  return Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

/**
 * A ballot code is typed where a proposal number could be (`!vote 7K2M agree`): one of only digits
 * (1 in 230 draws, like `6436`) would be read as proposal #6,436.
 */
export const usableBallotCode = (code: string): boolean => /\D/.test(code);

/** The answer ids of a proposal: the consent answers, or o1…oN for its options. */
export function answersOf(p: Pick<Proposal, "options">): string[] {
  return p.options.length === 0 ? [...CONSENT] : p.options.map((_o, i) => `o${i + 1}`);
}

export const isConsent = (p: Pick<Proposal, "options">) => p.options.length === 0;

/** The receipt is hashed with its proposal, so the same receipt text means nothing elsewhere. */
const receiptHash = (p: Proposal, receipt: string) => createHash("sha256").update(`${p.id}:${receipt.toUpperCase()}`).digest("hex");

export interface Closed {
  proposal: Proposal;
  result: Result;
  decision: number;
  /** Who blocked an open proposal (thanked by name); empty for a secret ballot. */
  blockers: string[];
  /** The reasons voters gave with the answers that counted; a secret ballot's have no voter. */
  reasons: VoteReason[];
}

export interface VoteReason {
  choices: readonly string[];
  text: string;
  voter?: string;
}

export function governanceServices(db: Db) {
  const repo = proposalsRepo(db);
  const record = decisionRecorder(db);
  const charter = charterRepo(db);
  return {
    repo,
    charter,
    open(p: Omit<NewProposal, "ballotCode">): Proposal {
      let ballotCode: string | null = null;
      if (p.secret) {
        do ballotCode = randomCode(4);
        while (!usableBallotCode(ballotCode) || repo.byCode(ballotCode));
      }
      return repo.create({ ...p, ballotCode });
    },
    /** A first secret vote; returns the receipt that lets its holder change it (shown once, never kept). */
    castSecret(p: Proposal, voter: string, choices: string[], reason?: string): string {
      const receipt = `${randomBytes(5).toString("hex").toUpperCase().slice(0, 4)}-${randomCode(4)}`;
      repo.castSecret(p, voter, receiptHash(p, receipt), choices, reason);
      return receipt;
    },
    changeSecret: (p: Proposal, receipt: string, choices: string[], reason?: string) => repo.changeSecret(p, receiptHash(p, receipt), choices, reason),
    tally(p: Proposal): Result {
      const answers = answersOf(p);
      const ballot = { answers, eligible: p.eligible, closesAt: p.closesAt, quorumPercent: repo.quorum(p.roomId) };
      const lists = p.secret ? repo.ballots(p).filter((c) => c.length > 0) : countedResponses(repo.votes(p), ballot).map((r) => r.choices);
      return decide(lists, ballot, isConsent(p));
    },
    /**
     * Closes a proposal once: counts, records the outcome in the decision log (text written by the
     * caller, in the room's words) and links it. Undefined when it was closed already.
     */
    close(p: Proposal, now: number, describe: (p: Proposal, r: Result) => string): Closed | undefined {
      if (p.closed) return undefined;
      const result = this.tally(p);
      const decision = record(p.roomId, describe(p, result), ["proposals"], now);
      if (!repo.close(p, now, result.outcome, result.counts, decision)) return undefined;
      // An adopted amendment changes the charter in the same transaction, with its decision number.
      if (result.outcome === "adopted" && p.charterChange) applyCharterChange(charter, p.roomId, p.charterChange, decision, now);
      const counted = p.secret ? [] : countedResponses(repo.votes(p), { answers: answersOf(p), eligible: p.eligible, closesAt: p.closesAt });
      const blockers = counted.filter((r) => r.choices.includes("block")).map((r) => r.voter);
      const reasons: VoteReason[] = p.secret
        ? repo.ballotReasons(p).filter((r) => r.choices.length > 0)
        : counted.flatMap((r) => (r.reason === null ? [] : [{ choices: r.choices, text: r.reason, voter: r.voter }]));
      return { proposal: repo.get(p.roomId, p.number)!, result, decision, blockers, reasons };
    },
  };
}

export type GovernanceSlice = ReturnType<typeof governanceServices>;
