import { defineFeature, invoke } from "../../src/kernel/feature.js";
import { list, p } from "../../src/kernel/doc.js";
import type { Db } from "../../src/platform/db.js";
import type { OpenerPart } from "../meetings/index.js";
import { charterCommands } from "./charter/commands.js";
import { charterRepo } from "./charter/repository.js";
import { charterRoomData } from "./charter/room-data.js";
import { charter as charterEn } from "./charter/texts/en.js";
import { charter as charterEs } from "./charter/texts/es.js";
import { governanceCommands, reactedTo, reasonFor, vote } from "./commands.js";
import { governancePosts } from "./posts.js";
import { proposalsRepo, type Quorum } from "./repository.js";
import { proposalsRoomData } from "./room-data.js";
import { governanceServices, type GovernanceSlice } from "./services.js";
import { governance as en } from "./texts/en.js";
import { governance as es } from "./texts/es.js";

const PROPOSAL_REF = /^proposal:(\d{1,9})$/;

/**
 * Proposals and votes (consent and choice polls, secret ballots, outcomes into the decision log) and
 * the living charter, whose changes are proposals adopted in the same transaction as their close.
 */
export const governance = defineFeature<GovernanceSlice, (typeof names)[number]>({
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
    const words = answerIds
      .map((id) => (/^o\d{1,2}$/.test(id) ? id.slice(1) : id))
      .filter((w) => /^[a-z0-9]{1,10}$/.test(w));
    return words.length === 0 ? undefined : invoke(vote, { proposal: n, choices: words.join(" ") });
  },
});

/** The quorum setting, for `!settings quorum`: a share of members, a number of people, or null for none. */
export function proposalQuorum(db: Db) {
  const repo = proposalsRepo(db);
  return {
    get: (roomId: string) => repo.quorum(roomId),
    set: (roomId: string, quorum: Quorum | null) => repo.setQuorum(roomId, quorum),
  };
}
export type { Quorum } from "./repository.js";

/** The opener's lines about open proposals, each marked when it closes by the meeting's end. */
const openProposals: OpenerPart = (db, roomId, meeting) => {
  const open = proposalsRepo(db).open(roomId);
  return (view) => {
    if (open.length === 0) return [];
    const line = (pr: (typeof open)[number]) =>
      view.t.t(pr.closesAt <= meeting.endsAt ? "proposal.opener.closing" : "proposal.opener.open", {
        n: pr.number,
        question: pr.question,
      });
    return [p(...view.t.t("proposal.opener.title")), list(open.map(line))];
  };
};

/** For a newcomer's welcome (settings): the charter's first article; undefined while the cell has no charter. */
export function charterOpening(db: Db, roomId: string): { title: string; body: string } | undefined {
  const first = charterRepo(db).current(roomId)[0];
  return first && { title: first.title, body: first.body };
}

/** The opener's lines about the charter's notes still waiting for the cell. */
const charterNotes: OpenerPart = (db, roomId) => {
  const charter = charterRepo(db);
  const notes = charter
    .current(roomId)
    .flatMap((a) => charter.openNotes(a).map((n) => ({ article: a.number, title: a.title, text: n.text })));
  return (view) => {
    if (notes.length === 0) return [];
    return [
      p(...view.t.t("charter.opener.title")),
      list(notes.map((n) => view.t.t("charter.opener.line", { n: n.article, title: n.title, text: n.text }))),
    ];
  };
};

/** What governance adds to a meeting's opener (the registry hands these to meetings). */
export const governanceOpenerParts: readonly OpenerPart[] = [openProposals, charterNotes];

/** The canonical names of this feature's commands: what hints anywhere may name (commands/index.ts checks them). */
const names = [
  "propose",
  "propose close",
  "proposal",
  "vote",
  "charter",
  "charter show",
  "charter start",
  "charter note",
  "charter history",
  "charter amend",
  "charter add",
  "charter remove",
  "charter print",
] as const;

declare module "../../src/kernel/command.js" {
  interface CommandNames extends Record<(typeof names)[number], true> {}
}
