import type { RenderContext } from "../../src/kernel/command.js";
import { defineFeature, invoke } from "../../src/kernel/feature.js";
import { list, p, type Block } from "../../src/kernel/doc.js";
import type { Db } from "../../src/platform/db.js";
import { charterCommands } from "./charter/commands.js";
import { charterRepo } from "./charter/repository.js";
import { charterRoomData } from "./charter/room-data.js";
import { charter as charterEn } from "./charter/texts/en.js";
import { charter as charterEs } from "./charter/texts/es.js";
import { governanceCommands, reactedTo, reasonFor, vote } from "./commands.js";
import { governancePosts } from "./posts.js";
import { proposalsRepo } from "./repository.js";
import { proposalsRoomData } from "./room-data.js";
import { governanceServices, type GovernanceSlice } from "./services.js";
import { governance as en } from "./texts/en.js";
import { governance as es } from "./texts/es.js";

const PROPOSAL_REF = /^proposal:(\d{1,9})$/;

/**
 * Proposals and votes (consent and choice polls, secret ballots, outcomes into the decision log) and
 * the living charter, whose changes are proposals adopted in the same transaction as their close.
 */
export const governance = defineFeature<GovernanceSlice>({
  name: "governance",
  services: governanceServices,
  commands: [...governanceCommands, ...charterCommands],
  posts: governancePosts,
  roomData: [proposalsRoomData, charterRoomData],
  texts: { en: { ...en, ...charterEn }, es: { ...es, ...charterEs } },
  // A 👍 or 👎 on a proposal is not a vote: the bot says so (once per proposal).
  reaction: (ref, key) => {
    const n = PROPOSAL_REF.exec(ref)?.[1];
    return n && /^(👍|👎)\uFE0F?/u.test(key) ? invoke(reactedTo, { proposal: Number(n) }) : undefined;
  },
  // A reply to a proposal's poll (or its announcement) gives the reason for the member's answer.
  reply: (ref, text) => {
    const n = PROPOSAL_REF.exec(ref)?.[1];
    return n ? invoke(reasonFor, { proposal: Number(n), reason: text }) : undefined;
  },
  // A poll answer is the same vote as `!vote`: answer ids are consent words, or o1…oN for options.
  pollAnswer: (ref, answerIds) => {
    const n = PROPOSAL_REF.exec(ref)?.[1];
    if (!n) return undefined;
    const words = answerIds.map((id) => (/^o\d{1,2}$/.test(id) ? id.slice(1) : id)).filter((w) => /^[a-z0-9]{1,10}$/.test(w));
    return words.length === 0 ? undefined : invoke(vote, { proposal: n, choices: words.join(" ") });
  },
});

/** The quorum setting, for `!settings quorum`: percent of members, or null for none. */
export function proposalQuorum(db: Db) {
  const repo = proposalsRepo(db);
  return { get: (roomId: string) => repo.quorum(roomId), set: (roomId: string, percent: number | null) => repo.setQuorum(roomId, percent) };
}

/** A proposal the meeting should know about: open now, and whether it closes by the meeting's end. */
export interface MeetingProposal {
  number: number;
  question: string;
  closing: boolean;
}

/** A meeting's opener comes 15 minutes before it, and a meeting lasts two hours. */
const MEETING_END_AFTER_OPENER_MS = (15 + 120) * 60_000;

/** For the gratitude opener (meetings' services): the room's open proposals, at `openerAt`. */
export function proposalsForMeeting(db: Db, roomId: string, openerAt: number): MeetingProposal[] {
  return proposalsRepo(db)
    .open(roomId)
    .map((pr) => ({ number: pr.number, question: pr.question, closing: pr.closesAt <= openerAt + MEETING_END_AFTER_OPENER_MS }));
}

/** The opener's lines about proposals (meetings' render); no blocks when there are none. */
export function meetingProposalBlocks(proposals: readonly MeetingProposal[] | undefined, view: Pick<RenderContext, "t">): Block[] {
  if (!proposals || proposals.length === 0) return [];
  const line = (pr: MeetingProposal) => view.t.t(pr.closing ? "proposal.opener.closing" : "proposal.opener.open", { n: pr.number, question: pr.question });
  return [p(...view.t.t("proposal.opener.title")), list(proposals.map(line))];
}

/** For a newcomer's welcome (settings): the charter's first article; undefined while the cell has no charter. */
export function charterOpening(db: Db, roomId: string): { title: string; body: string } | undefined {
  const first = charterRepo(db).current(roomId)[0];
  return first && { title: first.title, body: first.body };
}

/** A charter note the next meeting should talk about. */
export interface MeetingNote {
  article: number;
  title: string;
  text: string;
}

/** For the gratitude opener (meetings' services): the charter's notes still waiting for the cell. */
export function charterNotesForMeeting(db: Db, roomId: string): MeetingNote[] {
  const charter = charterRepo(db);
  return charter.current(roomId).flatMap((a) => charter.openNotes(a).map((n) => ({ article: a.number, title: a.title, text: n.text })));
}

/** The opener's lines about charter notes (meetings' render); no blocks when there are none. */
export function meetingNoteBlocks(notes: readonly MeetingNote[] | undefined, view: Pick<RenderContext, "t">): Block[] {
  if (!notes || notes.length === 0) return [];
  return [p(...view.t.t("charter.opener.title")), list(notes.map((n) => view.t.t("charter.opener.line", { n: n.article, title: n.title, text: n.text })))];
}
