import type { TextKey } from "../../../src/kernel/i18n/catalog.js";
import { doc, p } from "../../../src/kernel/doc.js";
import type { ToAssembly } from "../protocol/messages.js";
import type { Cell } from "../repository.js";
import type { Side } from "../side.js";
import { boardCrossing } from "./rules/text.js";

export type BoardToAssembly = Extract<
  ToAssembly,
  { kind: "board_post" | "board_answer" | "board_contact" | "board_story" }
>;

/**
 * The assembly's part of the board: it numbers posts and tells every cell, pairs a post with each
 * cell that answers it, and relays two sealed contacts once both cells sent theirs. `cell` is the
 * registered sender, checked by the caller.
 */
export function atAssemblyBoard(side: Side, cell: Cell, body: BoardToAssembly): void {
  switch (body.kind) {
    case "board_post":
      return post(side, cell, body);
    case "board_answer":
      return answer(side, cell, body);
    case "board_contact":
      return contact(side, cell, body);
    case "board_story":
      return story(side, cell, body);
  }
}

/** How far back a cell that joins hears the assembly's posts, and how many at most. */
const CATCH_UP = { days: 30, posts: 10 };

/** A cell that just joined hears the posts of the last weeks, so it can answer them too. */
export function catchUp(side: Side, cell: Cell): void {
  const since = side.now - CATCH_UP.days * 86_400_000;
  for (const post of side.slice.board.recentPosts(cell.assemblyRoom, since, CATCH_UP.posts)) {
    // Stored as it crossed; read back through the cleaner's check all the same (a forgotten word, an older release).
    const text = boardCrossing(post.text);
    if (post.cellId !== cell.cellId && text)
      side.bus.toCell(cell, { kind: "board_post", number: post.number, post: post.kind, from: post.pseudonym, text });
  }
}

function say(side: Side, room: string, key: TextKey, params: Record<string, string | number>): void {
  const hall = side.elsewhere(room);
  hall.post(doc(p(...hall.view.t.t(key, params))));
}

function post(side: Side, cell: Cell, body: Extract<BoardToAssembly, { kind: "board_post" }>): void {
  const { board, repo } = side.slice;
  const number = board.addPost({
    assemblyRoom: cell.assemblyRoom,
    cellId: cell.cellId,
    ref: body.ref,
    pseudonym: cell.pseudonym,
    kind: body.post,
    text: body.text,
    publicKey: body.key,
    at: side.now,
  });
  if (number === undefined) return; // sent again after a crash: posted the first time
  say(side, cell.assemblyRoom, `board.hall.${body.post}`, { number, pseudonym: cell.pseudonym, text: body.text });
  side.bus.toCell(cell, { kind: "board_posted", ref: body.ref, number });
  for (const other of repo.cells(cell.assemblyRoom)) {
    if (other.cellId !== cell.cellId)
      side.bus.toCell(other, { kind: "board_post", number, post: body.post, from: cell.pseudonym, text: body.text });
  }
}

function answer(side: Side, cell: Cell, body: Extract<BoardToAssembly, { kind: "board_answer" }>): void {
  const { board, repo } = side.slice;
  const post = board.post(cell.assemblyRoom, body.number);
  if (!post || post.kind !== body.post || post.cellId === cell.cellId) return;
  const poster = repo.cell(post.cellId);
  if (!poster) return; // the posting cell left the assembly
  const answered = board.addAnswer({
    assemblyRoom: cell.assemblyRoom,
    number: post.number,
    cellId: cell.cellId,
    pseudonym: cell.pseudonym,
    publicKey: body.key,
    at: side.now,
  });
  if (!answered) return;
  say(side, cell.assemblyRoom, `board.hall.answer.${post.kind}`, {
    number: post.number,
    pseudonym: cell.pseudonym,
    poster: poster.pseudonym,
  });
  const match = { kind: "board_match", match: answered.id, number: post.number, post: post.kind } as const;
  side.bus.toCell(poster, { ...match, role: "poster", peer: cell.pseudonym, key: body.key });
  side.bus.toCell(cell, { ...match, role: "answerer", peer: poster.pseudonym, key: post.publicKey });
}

/** Each side's blob is kept until the other's arrives; then each cell gets the other's, once. */
function contact(side: Side, cell: Cell, body: Extract<BoardToAssembly, { kind: "board_contact" }>): void {
  const { board, repo } = side.slice;
  const answered = board.answer(body.match);
  if (!answered || answered.assemblyRoom !== cell.assemblyRoom) return;
  const post = board.post(answered.assemblyRoom, answered.number);
  if (!post) return;
  const role = cell.cellId === post.cellId ? "poster" : cell.cellId === answered.cellId ? "answerer" : undefined;
  if (!role) return;
  board.sealFor(answered.id, role, body.sealed);
  if (!board.markShared(answered.id, side.now)) return;
  const both = board.answer(answered.id)!;
  const poster = repo.cell(post.cellId);
  const answerer = repo.cell(answered.cellId);
  if (poster) side.bus.toCell(poster, { kind: "board_contact", match: answered.id, sealed: both.answererSealed! });
  if (answerer) side.bus.toCell(answerer, { kind: "board_contact", match: answered.id, sealed: both.posterSealed! });
}

function story(side: Side, cell: Cell, body: Extract<BoardToAssembly, { kind: "board_story" }>): void {
  if (
    !side.slice.board.addStoryIn({
      cellId: cell.cellId,
      ref: body.ref,
      assemblyRoom: cell.assemblyRoom,
      pseudonym: cell.pseudonym,
      text: body.text,
      at: side.now,
    })
  )
    return;
  say(side, cell.assemblyRoom, "board.hall.story", { pseudonym: cell.pseudonym, text: body.text });
}
