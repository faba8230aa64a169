import { cross, type CrossingText } from "../../src/kernel/crossing.js";
import { doc, p } from "../../src/kernel/doc.js";
import type { Translator } from "../../src/kernel/i18n/index.js";
import { actionsCatchUp, atAssemblyActions } from "./actions/assembly.js";
import { atAssemblyBoard, catchUp } from "./board/assembly.js";
import { standIns } from "./board/link.js";
import { ASSEMBLY_NAME_MAX, type ToAssembly } from "./protocol/messages.js";
import { welcomeProof } from "./rules/invite-code.js";
import { closeIfComplete } from "./rounds.js";
import type { From, Side } from "./side.js";

type Join = Extract<ToAssembly, { kind: "join" }>;

/**
 * What an assembly does with a cell's message. A join must bring a valid code; every other
 * message must come from the cell it names, through the same Tandem that joined it.
 */
export function atAssembly(side: Side, from: From, body: ToAssembly): void {
  if (body.kind === "join") return join(side, from, body);
  const cell = side.slice.repo.cell(from.cellId);
  if (!cell || cell.assemblyRoom !== from.assemblyRoom || cell.tandem !== from.tandem) return;
  const { repo } = side.slice;
  switch (body.kind) {
    case "figures":
      if (repo.answer(body.round, cell.cellId, body.state, body.state === "sent" ? body.figures : undefined))
        closeIfComplete(side, body.round);
      return;
    case "sector":
      repo.setCellSector(cell.cellId, body.sector);
      return;
    case "leave": {
      repo.removeCell(cell.cellId);
      const hall = side.elsewhere(cell.assemblyRoom);
      hall.post(doc(p(...hall.view.t.t("fed.cell_left", { pseudonym: cell.pseudonym }))));
      return;
    }
    case "board_post":
    case "board_answer":
    case "board_contact":
    case "board_story":
      return atAssemblyBoard(side, cell, body);
    case "action_join":
    case "action_withdraw":
    case "action_lesson":
      return atAssemblyActions(side, cell, body);
  }
}

function join(side: Side, from: From, body: Join): void {
  const { repo } = side.slice;
  const invite = repo.invite(body.code);
  const refuse = (reason: "bad_code" | "code_used" | "code_expired" | "pseudonym_taken") =>
    side.bus.toCell({ ...from }, { kind: "refused", reason });
  if (repo.cell(from.cellId)) return; // a join sent twice: the first one answered
  if (!invite || invite.assemblyRoom !== from.assemblyRoom) return refuse("bad_code");
  if (invite.usedAt !== null || invite.proofKey === null) return refuse("code_used");
  if (invite.expiresAt <= side.now) return refuse("code_expired");
  if (repo.pseudonymTaken(from.assemblyRoom, body.pseudonym)) return refuse("pseudonym_taken");
  repo.useInvite(body.code, side.now);
  const cell = {
    cellId: from.cellId,
    assemblyRoom: from.assemblyRoom,
    pseudonym: body.pseudonym,
    tandem: from.tandem,
    sector: body.sector,
    joinedAt: side.now,
  };
  repo.addCell(cell);
  // The first cell to join hosts until the first monthly rotation.
  if (repo.hosts(from.assemblyRoom).length === 0) side.slice.rotateHost(from.assemblyRoom, side.now);
  const hall = side.elsewhere(from.assemblyRoom);
  const name = nameToCross(repo.assembly(from.assemblyRoom)?.name ?? "", hall.view.t);
  const cells = repo.cells(from.assemblyRoom).map((c) => c.pseudonym);
  side.bus.toCell(cell, {
    kind: "welcome",
    proof: welcomeProof(invite.proofKey, cell.cellId),
    name,
    cells,
    host: side.slice.host(from.assemblyRoom) ?? null,
  });
  catchUp(side, cell);
  actionsCatchUp(side, cell);
  hall.post(doc(p(...hall.view.t.t("fed.cell_joined", { pseudonym: body.pseudonym, count: cells.length }))));
}

/** The assembly's name as it crosses; one stored before names were cleaned is cleaned now, one that cannot cross becomes a dash. */
function nameToCross(name: string, t: Translator): CrossingText {
  for (const candidate of [name, "—"]) {
    const crossed = cross(candidate, standIns(t), ASSEMBLY_NAME_MAX);
    if ("text" in crossed) return crossed.text;
  }
  throw new Error("a dash always crosses");
}
