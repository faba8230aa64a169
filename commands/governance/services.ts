import { createHash, randomBytes } from "node:crypto";
import { freshCode, readableChars } from "../../src/kernel/readable-code.js";
import type { Db } from "../../src/platform/db.js";
import { decisionRecorder } from "../decisions/index.js";
import { applyCharterChange, charterChangeApplies } from "./charter/change.js";
import { charterRepo } from "./charter/repository.js";
import { proposalsRepo, type NewProposal, type Proposal } from "./repository.js";
import { CONSENT, decide, countedResponses, type Tally } from "./rules/tally.js";

/** The answer ids of a proposal: the consent answers, or o1…oN for its options. */
export function answersOf(p: Pick<Proposal, "options">): string[] {
  return p.options.length === 0 ? [...CONSENT] : p.options.map((_o, i) => `o${i + 1}`);
}

export const isConsent = (p: Pick<Proposal, "options">) => p.options.length === 0;

/** The receipt is hashed with its proposal, so the same receipt text means nothing elsewhere. */
const receiptHash = (p: Proposal, receipt: string) =>
  createHash("sha256").update(`${p.id}:${receipt.toUpperCase()}`).digest("hex");

export interface Closed {
  proposal: Proposal;
  result: Tally;
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
      const ballotCode = p.secret ? freshCode(4, (code) => repo.byCode(code) !== undefined) : null;
      return repo.create({ ...p, ballotCode });
    },
    /** A first secret vote; returns the receipt that lets its holder change it (shown once, never kept). */
    castSecret(p: Proposal, voter: string, choices: string[], reason?: string): string {
      const receipt = `${randomBytes(5).toString("hex").toUpperCase().slice(0, 4)}-${readableChars(4)}`;
      repo.castSecret(p, voter, receiptHash(p, receipt), choices, reason);
      return receipt;
    },
    changeSecret: (p: Proposal, receipt: string, choices: string[], reason?: string) =>
      repo.changeSecret(p, receiptHash(p, receipt), choices, reason),
    tally(p: Proposal): Tally {
      const answers = answersOf(p);
      const quorum = repo.quorum(p.roomId);
      const ballot = {
        answers,
        eligible: p.eligible,
        closesAt: p.closesAt,
        quorumPercent: quorum && "percent" in quorum ? quorum.percent : null,
        quorumPeople: quorum && "people" in quorum ? quorum.people : null,
      };
      const lists = p.secret
        ? repo.ballots(p).filter((c) => c.length > 0)
        : countedResponses(repo.votes(p), ballot).map((r) => r.choices);
      return decide(lists, ballot, isConsent(p));
    },
    /**
     * Closes a proposal once: counts, records the outcome in the decision log (text written by the
     * caller, in the room's words) and links it. Undefined when it was closed already.
     */
    close(p: Proposal, now: number, describe: (p: Proposal, r: Tally) => string): Closed | undefined {
      if (p.closed) return undefined;
      const counted = this.tally(p);
      // Adopted, but the article it changes went meanwhile: the log says so, rather than a change that never happened.
      const stale =
        counted.outcome === "adopted" &&
        p.charterChange !== null &&
        !charterChangeApplies(charter, p.roomId, p.charterChange);
      const result: Tally = stale ? { ...counted, outcome: "could_not_apply" } : counted;
      const decision = record(p.roomId, describe(p, result), ["proposals"], now);
      if (!repo.close(p, now, result.outcome, result.counts, decision)) return undefined;
      // An adopted amendment changes the charter in the same transaction, with its decision number.
      if (result.outcome === "adopted" && p.charterChange)
        applyCharterChange(charter, p.roomId, p.charterChange, decision, now);
      const responses = p.secret
        ? []
        : countedResponses(repo.votes(p), { answers: answersOf(p), eligible: p.eligible, closesAt: p.closesAt });
      const blockers = responses.filter((r) => r.choices.includes("block")).map((r) => r.voter);
      const reasons: VoteReason[] = p.secret
        ? repo.ballotReasons(p).filter((r) => r.choices.length > 0)
        : responses.flatMap((r) => (r.reason === null ? [] : [{ choices: r.choices, text: r.reason, voter: r.voter }]));
      return { proposal: repo.get(p.roomId, p.number)!, result, decision, blockers, reasons };
    },
  };
}

export type GovernanceSlice = ReturnType<typeof governanceServices>;
