import type { Db } from "../../../src/platform/db.js";
import { perDb } from "../../../src/platform/per-db.js";
import { nextNumber } from "../../../src/platform/next-number.js";
import { newKeyPair, type KeyPair } from "./rules/seal.js";

export type PostKind = "offer" | "need";
export type Role = "poster" | "answerer";

/** On the assembly's side: an offer or a need, under its number. */
export interface BoardPost {
  assemblyRoom: string;
  number: number;
  cellId: string;
  pseudonym: string;
  kind: PostKind;
  text: string;
  publicKey: string;
}

/** On the assembly's side: one cell's answer to a post, with the sealed contacts waiting in it. */
export interface BoardAnswer {
  id: number;
  assemblyRoom: string;
  number: number;
  cellId: string;
  pseudonym: string;
  publicKey: string;
  posterSealed: string | null;
  answererSealed: string | null;
  sharedAt: number | null;
}

/** On a cell's side: an exchange it is part of. */
export interface Match {
  cellId: string;
  matchId: number;
  cellRoom: string;
  number: number;
  kind: PostKind;
  role: Role;
  peer: string;
  peerKey: string;
  contactName: string | null;
  contactUser: string | null;
  peerContactName: string | null;
  peerContactUser: string | null;
  sharedAt: number | null;
  /** When this cell's moderators confirmed the safety code; contacts are sealed only after. */
  verifiedAt: number | null;
  /** When a typed code did not match: the exchange stops until the right one is typed. */
  mismatchAt: number | null;
}

export interface Story {
  number: number;
  text: string;
  sharedBy: string;
  sharedAt: number;
  approvedBy: string | null;
  approvedAt: number | null;
}

const MATCH = `cell_id AS cellId, match_id AS matchId, cell_room AS cellRoom, number, kind, role, peer, peer_key AS peerKey,
  contact_name AS contactName, contact_user AS contactUser, peer_contact_name AS peerContactName, peer_contact_user AS peerContactUser, shared_at AS sharedAt,
  verified_at AS verifiedAt, mismatch_at AS mismatchAt`;
const ANSWER = `id, assembly_room AS assemblyRoom, number, cell_id AS cellId, pseudonym, public_key AS publicKey,
  poster_sealed AS posterSealed, answerer_sealed AS answererSealed, shared_at AS sharedAt`;
const STORY =
  "number, text, shared_by AS sharedBy, shared_at AS sharedAt, approved_by AS approvedBy, approved_at AS approvedAt";

/** Both sides of the board. Names of contact people are only ever on the cell's side. */
export const boardRepo = perDb((db: Db) => {
  const s = {
    keys: db.prepare(
      "SELECT public_key AS publicKey, private_key AS privateKey FROM federation_board_keys WHERE cell_id = ?",
    ),
    addKeys: db.prepare(
      "INSERT OR IGNORE INTO federation_board_keys (cell_id, cell_room, public_key, private_key) VALUES (?, ?, ?, ?)",
    ),
    nextRef: db.prepare("SELECT coalesce(max(ref), 0) + 1 FROM federation_board_own_posts WHERE cell_id = ?").pluck(),
    addOwn: db.prepare(
      "INSERT INTO federation_board_own_posts (cell_id, ref, cell_room, kind, text, posted_by, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ),
    numberOwn: db.prepare(
      "UPDATE federation_board_own_posts SET number = ? WHERE cell_id = ? AND ref = ? AND number IS NULL",
    ),
    own: db.prepare("SELECT ref, kind, text, number FROM federation_board_own_posts WHERE cell_id = ? AND ref = ?"),
    ownByNumber: db.prepare(
      "SELECT ref, kind, text, number FROM federation_board_own_posts WHERE cell_id = ? AND number = ?",
    ),
    hear: db.prepare(
      "INSERT OR IGNORE INTO federation_board_heard (cell_id, number, cell_room, kind, pseudonym, text, heard_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ),
    heard: db.prepare(
      "SELECT number, kind, pseudonym, text FROM federation_board_heard WHERE cell_id = ? AND number = ?",
    ),
    addMatch: db.prepare(
      `INSERT OR IGNORE INTO federation_board_matches (cell_id, match_id, cell_room, number, kind, role, peer, peer_key, matched_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    match: db.prepare(`SELECT ${MATCH} FROM federation_board_matches WHERE cell_id = ? AND match_id = ?`),
    matchesOf: db.prepare(
      `SELECT ${MATCH} FROM federation_board_matches WHERE cell_id = ? AND number = ? ORDER BY matched_at, match_id`,
    ),
    name: db.prepare(
      "UPDATE federation_board_matches SET contact_name = ?, contact_user = ?, named_by = ?, named_at = ? WHERE cell_id = ? AND match_id = ? AND contact_name IS NULL",
    ),
    verify: db.prepare(
      "UPDATE federation_board_matches SET verified_at = coalesce(verified_at, ?), mismatch_at = NULL WHERE cell_id = ? AND match_id = ?",
    ),
    mismatch: db.prepare(
      "UPDATE federation_board_matches SET mismatch_at = ? WHERE cell_id = ? AND match_id = ? AND verified_at IS NULL",
    ),
    share: db.prepare(
      "UPDATE federation_board_matches SET peer_contact_name = ?, peer_contact_user = ?, shared_at = ? WHERE cell_id = ? AND match_id = ? AND shared_at IS NULL",
    ),
    addStory: db.prepare(
      "INSERT INTO federation_board_stories (cell_room, number, text, shared_by, shared_at) VALUES (?, ?, ?, ?, ?)",
    ),
    story: db.prepare(`SELECT ${STORY} FROM federation_board_stories WHERE cell_room = ? AND number = ?`),
    stories: db.prepare(
      `SELECT ${STORY} FROM federation_board_stories WHERE cell_room = ? ORDER BY number DESC LIMIT ?`,
    ),
    approve: db.prepare(
      "UPDATE federation_board_stories SET approved_by = ?, approved_at = ? WHERE cell_room = ? AND number = ? AND approved_at IS NULL",
    ),

    postedBefore: db.prepare("SELECT count(*) FROM federation_board_posts WHERE cell_id = ? AND ref = ?").pluck(),
    nextNumber: db
      .prepare(
        "INSERT INTO federation_board_numbers (assembly_room, last) VALUES (?, 1) ON CONFLICT (assembly_room) DO UPDATE SET last = last + 1 RETURNING last",
      )
      .pluck(),
    addPost: db.prepare(
      `INSERT INTO federation_board_posts (assembly_room, number, cell_id, ref, pseudonym, kind, text, public_key, posted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    post: db.prepare(
      "SELECT assembly_room AS assemblyRoom, number, cell_id AS cellId, pseudonym, kind, text, public_key AS publicKey FROM federation_board_posts WHERE assembly_room = ? AND number = ?",
    ),
    recentPosts: db.prepare(
      `SELECT assembly_room AS assemblyRoom, number, cell_id AS cellId, pseudonym, kind, text, public_key AS publicKey FROM federation_board_posts
       WHERE assembly_room = ? AND posted_at >= ? ORDER BY number DESC LIMIT ?`,
    ),
    addAnswer: db.prepare(
      "INSERT OR IGNORE INTO federation_board_answers (assembly_room, number, cell_id, pseudonym, public_key, answered_at) VALUES (?, ?, ?, ?, ?, ?)",
    ),
    answer: db.prepare(`SELECT ${ANSWER} FROM federation_board_answers WHERE id = ?`),
    answerOf: db.prepare(
      `SELECT ${ANSWER} FROM federation_board_answers WHERE assembly_room = ? AND number = ? AND cell_id = ?`,
    ),
    sealPoster: db.prepare(
      "UPDATE federation_board_answers SET poster_sealed = ? WHERE id = ? AND poster_sealed IS NULL",
    ),
    sealAnswerer: db.prepare(
      "UPDATE federation_board_answers SET answerer_sealed = ? WHERE id = ? AND answerer_sealed IS NULL",
    ),
    shared: db.prepare(
      "UPDATE federation_board_answers SET shared_at = ? WHERE id = ? AND shared_at IS NULL AND poster_sealed IS NOT NULL AND answerer_sealed IS NOT NULL",
    ),
    addStoryIn: db.prepare(
      "INSERT OR IGNORE INTO federation_board_stories_in (cell_id, ref, assembly_room, pseudonym, text, posted_at) VALUES (?, ?, ?, ?, ?, ?)",
    ),
  };
  return {
    /** The cell's key pair, made the first time it is asked for. */
    keysOf(cellId: string, cellRoom: string): KeyPair {
      const found = s.keys.get(cellId) as KeyPair | undefined;
      if (found) return found;
      const made = newKeyPair();
      s.addKeys.run(cellId, cellRoom, made.publicKey, made.privateKey);
      return s.keys.get(cellId) as KeyPair;
    },
    addOwnPost(p: { cellId: string; cellRoom: string; kind: PostKind; text: string; by: string; at: number }): number {
      const ref = s.nextRef.get(p.cellId) as number;
      s.addOwn.run(p.cellId, ref, p.cellRoom, p.kind, p.text, p.by, p.at);
      return ref;
    },
    numberOwnPost: (cellId: string, ref: number, number: number) => s.numberOwn.run(number, cellId, ref).changes === 1,
    ownPost: (cellId: string, ref: number) =>
      s.own.get(cellId, ref) as { ref: number; kind: PostKind; text: string; number: number | null } | undefined,
    ownPostNumbered: (cellId: string, number: number) =>
      s.ownByNumber.get(cellId, number) as { ref: number; kind: PostKind; text: string; number: number } | undefined,
    /** Keeps another cell's post; false when it was heard already (a resent message). */
    hear: (h: {
      cellId: string;
      cellRoom: string;
      number: number;
      kind: PostKind;
      pseudonym: string;
      text: string;
      at: number;
    }) => s.hear.run(h.cellId, h.number, h.cellRoom, h.kind, h.pseudonym, h.text, h.at).changes === 1,
    heard: (cellId: string, number: number) =>
      s.heard.get(cellId, number) as { number: number; kind: PostKind; pseudonym: string; text: string } | undefined,
    /** Records an exchange; false when it was known already. */
    addMatch: (m: {
      cellId: string;
      matchId: number;
      cellRoom: string;
      number: number;
      kind: PostKind;
      role: Role;
      peer: string;
      peerKey: string;
      at: number;
    }) =>
      s.addMatch.run(m.cellId, m.matchId, m.cellRoom, m.number, m.kind, m.role, m.peer, m.peerKey, m.at).changes === 1,
    match: (cellId: string, matchId: number) => s.match.get(cellId, matchId) as Match | undefined,
    matchesOf: (cellId: string, number: number) => s.matchesOf.all(cellId, number) as Match[],
    nameContact: (
      cellId: string,
      matchId: number,
      contact: { name: string; userId: string | null },
      by: string,
      at: number,
    ) => s.name.run(contact.name, contact.userId, by, at, cellId, matchId).changes === 1,
    /** Keeps the other cell's contact; false when it had arrived already. */
    verifyMatch: (cellId: string, matchId: number, at: number) => void s.verify.run(at, cellId, matchId),
    mismatchMatch: (cellId: string, matchId: number, at: number) => void s.mismatch.run(at, cellId, matchId),
    shareContact: (cellId: string, matchId: number, contact: { name: string; userId: string | null }, at: number) =>
      s.share.run(contact.name, contact.userId, at, cellId, matchId).changes === 1,

    addStory(cellRoom: string, text: string, by: string, at: number): number {
      const number = nextNumber(db, "federation_board_stories", "cell_room", cellRoom);
      s.addStory.run(cellRoom, number, text, by, at);
      return number;
    },
    story: (cellRoom: string, number: number) => s.story.get(cellRoom, number) as Story | undefined,
    stories: (cellRoom: string, limit: number) => s.stories.all(cellRoom, limit) as Story[],
    approveStory: (cellRoom: string, number: number, by: string, at: number) =>
      s.approve.run(by, at, cellRoom, number).changes === 1,

    /** Numbers a cell's post in its assembly; undefined when this post arrived before (a resent message). */
    addPost(p: Omit<BoardPost, "number"> & { ref: number; at: number }): number | undefined {
      if ((s.postedBefore.get(p.cellId, p.ref) as number) > 0) return undefined;
      const number = s.nextNumber.get(p.assemblyRoom) as number;
      s.addPost.run(p.assemblyRoom, number, p.cellId, p.ref, p.pseudonym, p.kind, p.text, p.publicKey, p.at);
      return number;
    },
    post: (assemblyRoom: string, number: number) => s.post.get(assemblyRoom, number) as BoardPost | undefined,
    /** The assembly's latest posts since `since`, oldest first: what a cell that joins now may still answer. */
    recentPosts: (assemblyRoom: string, since: number, limit: number) =>
      (s.recentPosts.all(assemblyRoom, since, limit) as BoardPost[]).reverse(),
    /** Records a cell's answer; undefined when it had answered that post already. */
    addAnswer(a: {
      assemblyRoom: string;
      number: number;
      cellId: string;
      pseudonym: string;
      publicKey: string;
      at: number;
    }): BoardAnswer | undefined {
      const added = s.addAnswer.run(a.assemblyRoom, a.number, a.cellId, a.pseudonym, a.publicKey, a.at).changes === 1;
      return added ? (s.answerOf.get(a.assemblyRoom, a.number, a.cellId) as BoardAnswer) : undefined;
    },
    answer: (id: number) => s.answer.get(id) as BoardAnswer | undefined,
    /** Keeps one side's sealed contact (the first one it sent). */
    sealFor: (id: number, role: Role, sealed: string) =>
      void (role === "poster" ? s.sealPoster : s.sealAnswerer).run(sealed, id),
    /** Marks the exchange shared once both blobs are in; false when not both yet, or shared already. */
    markShared: (id: number, at: number) => s.shared.run(at, id).changes === 1,
    /** Keeps a story once; false when it arrived before. */
    addStoryIn: (st: {
      cellId: string;
      ref: number;
      assemblyRoom: string;
      pseudonym: string;
      text: string;
      at: number;
    }) => s.addStoryIn.run(st.cellId, st.ref, st.assemblyRoom, st.pseudonym, st.text, st.at).changes === 1,
  };
});

export type BoardRepo = ReturnType<typeof boardRepo>;
