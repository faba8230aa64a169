import type { TextKey } from "../../src/kernel/i18n/catalog.js";
import { doc, p } from "../../src/kernel/doc.js";
import { formatWhen } from "../../src/kernel/time/format.js";
import { atCellActions } from "./actions/cell.js";
import { atCellBoard } from "./board/cell.js";
import type { ToAssembly, ToCell } from "./protocol/messages.js";
import type { Membership } from "./repository.js";
import { proofHolds } from "./rules/invite-code.js";
import type { From, Side } from "./side.js";

/**
 * What a cell does with its assembly's message. Until the welcome, only a welcome signed with the
 * join code's key (or a refusal) counts; after it, only messages from the Tandem that welcomed it.
 */
export function atCell(side: Side, from: From, body: ToCell): void {
  const { repo } = side.slice;
  const membership = repo.membershipOf(from.cellId);
  if (!membership || membership.assemblyRoom !== from.assemblyRoom) return;
  const room = side.elsewhere(membership.cellRoom);
  const say = (key: TextKey, params: Parameters<typeof room.view.t.t>[1] = {}) =>
    room.post(doc(p(...room.view.t.t(key, params))));
  if (membership.state === "pending") {
    if (body.kind === "welcome") {
      if (from.tandem !== null && !(membership.proofKey && proofHolds(membership.proofKey, from.cellId, body.proof)))
        return;
      repo.welcome(from.cellId, { tandem: from.tandem, name: body.name, cells: body.cells, host: body.host });
      // The cell's key pair for sealing contact names to other cells (its public half travels with its posts and answers).
      side.slice.board.keysOf(from.cellId, membership.cellRoom);
      // In one Tandem the `!federate` reply says it; from another, the welcome comes later and is announced.
      if (from.tandem !== null)
        say("fed.linked", {
          name: body.name,
          pseudonym: membership.pseudonym,
          preview: room.view.hint("federation preview"),
        });
    } else if (body.kind === "refused") {
      repo.removeMembership(from.cellId);
      say(`fed.refused.${body.reason}`, { pseudonym: membership.pseudonym, invite: room.view.hint("assembly invite") });
    }
    return;
  }
  if (membership.assemblyTandem !== from.tandem) return;
  switch (body.kind) {
    case "request":
      side.bus.toAssembly(membership, answerTo(side, membership, body));
      return;
    case "announce": {
      repo.setView(from.cellId, body.host, body.cells);
      const when =
        body.meetingAt === null
          ? null
          : formatWhen(body.meetingAt, room.view.settings.timezone, room.view.t.lang, side.now);
      say(when ? "fed.announce_cell_when" : "fed.announce_cell", {
        host: body.host,
        name: membership.assemblyName,
        when: when ?? "",
      });
      return;
    }
    case "welcome":
    case "refused":
      return;
    case "board_posted":
    case "board_post":
    case "board_match":
    case "board_contact":
      return atCellBoard(side, membership, body);
    case "action":
      return atCellActions(side, membership, body);
  }
}

/** A cell's answer to a request: its figures, or why there are none (paused, or the preview not seen yet). */
function answerTo(side: Side, membership: Membership, request: Extract<ToCell, { kind: "request" }>): ToAssembly {
  if (membership.state === "paused") return { kind: "figures", round: request.round, state: "paused" };
  if (membership.previewedAt === null) return { kind: "figures", round: request.round, state: "waiting" };
  return {
    kind: "figures",
    round: request.round,
    state: "sent",
    figures: side.slice.shareOf(membership.cellRoom, request.from, request.to),
  };
}
