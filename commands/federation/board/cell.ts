import type { TextKey } from "../../../src/kernel/i18n/catalog.js";
import type { RenderContext } from "../../../src/kernel/command.js";
import { doc, p, type Block } from "../../../src/kernel/doc.js";
import type { Params } from "../../../src/kernel/i18n/template.js";
import type { ToCell } from "../protocol/messages.js";
import type { Membership } from "../repository.js";
import type { Side } from "../side.js";
import type { PostKind } from "./repository.js";
import { readContact, type Contact } from "./rules/contact.js";
import { codeOf, safetyBlock } from "./safety.js";
import { open, sealContext } from "./rules/seal.js";

export type BoardToCell = Extract<ToCell, { kind: "board_posted" | "board_post" | "board_match" | "board_contact" }>;

/**
 * Cells whose own command is sending right now. In one Tandem the assembly answers within that
 * command, and its reply says what happened; a separate notice in the same room would say it twice.
 */
const inCommand = new Set<string>();

export function asOwnCommand<T>(cellId: string, send: () => T): T {
  inCommand.add(cellId);
  try {
    return send();
  } finally {
    inCommand.delete(cellId);
  }
}

/** `need` / `necesidad`: the word a member types for a kind of post, in the room's language. */
export const postWord = (kind: PostKind, view: RenderContext): string => view.t.text(`board.word.${kind}`);

/** A contact as the room shows it: a mention (a pill on Matrix) when they are on Matrix. */
export const contactPerson = (contact: Contact) =>
  contact.userId ? { userId: contact.userId, name: contact.name } : { name: contact.name };

/** The board's messages from the assembly, for a welcomed cell, checked by the caller to come from its assembly. */
export function atCellBoard(side: Side, membership: Membership, body: BoardToCell): void {
  const { board } = side.slice;
  const { cellId } = membership;
  const room = side.elsewhere(membership.cellRoom);
  const say = (key: TextKey, params: Params, ...more: Block[]) => {
    if (!inCommand.has(cellId)) room.post(doc(p(...room.view.t.t(key, params)), ...more));
  };
  switch (body.kind) {
    case "board_posted": {
      const own = board.ownPost(cellId, body.ref);
      if (!own || !board.numberOwnPost(cellId, body.ref, body.number)) return;
      say(`board.numbered.${own.kind}`, { number: body.number, name: membership.assemblyName });
      return;
    }
    case "board_post": {
      if (
        !board.hear({
          cellId,
          cellRoom: membership.cellRoom,
          number: body.number,
          kind: body.post,
          pseudonym: body.from,
          text: body.text,
          at: side.now,
        })
      )
        return;
      const answer = room.view.hint("answer", { board: postWord(body.post, room.view), post: body.number });
      say(`board.heard.${body.post}`, { number: body.number, pseudonym: body.from, text: body.text, answer });
      return;
    }
    case "board_match": {
      const added = board.addMatch({
        cellId,
        matchId: body.match,
        cellRoom: membership.cellRoom,
        number: body.number,
        kind: body.post,
        role: body.role,
        peer: body.peer,
        peerKey: body.key,
        at: side.now,
      });
      if (!added) return;
      const contact = room.view.hint("contact", {
        post: body.number,
        contact: room.view.t.text("board.example_contact"),
      });
      const code = codeOf(board, { cellId, cellRoom: membership.cellRoom, peerKey: body.key });
      say(
        `board.${body.role === "poster" ? "answered_yours" : "you_answered"}.${body.post}`,
        { number: body.number, peer: body.peer, contact },
        safetyBlock(room.view, body.number, body.peer, code),
      );
      return;
    }
    case "board_contact": {
      const match = board.match(cellId, body.match);
      if (!match || match.sharedAt !== null) return;
      const keys = board.keysOf(cellId, membership.cellRoom);
      const sealedBy = match.role === "poster" ? "answerer" : "poster";
      const opened = open(
        body.sealed,
        keys,
        match.peerKey,
        sealContext(membership.assemblyRoom, match.matchId, sealedBy),
      );
      const contact = opened === undefined ? undefined : readContact(opened);
      if (!contact || !board.shareContact(cellId, match.matchId, contact, side.now)) return;
      say(`board.contact_shared.${match.kind}`, {
        number: match.number,
        peer: match.peer,
        person: contactPerson(contact),
      });
      return;
    }
  }
}
