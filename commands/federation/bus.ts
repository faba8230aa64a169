import type { ElsewhereOf } from "../../src/kernel/command.js";
import { atAssembly } from "./assembly-side.js";
import { atCell } from "./cell-side.js";
import { toAssemblyEvent, toCellEvent } from "./protocol/wire.js";
import type { FederationSlice } from "./services.js";
import type { Bus, Side } from "./side.js";

/**
 * The two sides of federation wired together. A message to an assembly this Tandem hosts, or to a
 * cell it serves, is handled at once in the same transaction; any other goes out as an encrypted
 * event into the assembly room, where the other Tandem reads it (events.ts).
 */
export function sideOf(slice: FederationSlice, now: number, elsewhere: ElsewhereOf): Side {
  const bus: Bus = {
    toAssembly(membership, body) {
      if (slice.repo.assembly(membership.assemblyRoom))
        atAssembly(side, { assemblyRoom: membership.assemblyRoom, cellId: membership.cellId, tandem: null }, body);
      else elsewhere(membership.assemblyRoom).post(toAssemblyEvent(membership.cellId, body));
    },
    toCell(cell, body) {
      if (cell.tandem === null)
        atCell(side, { assemblyRoom: cell.assemblyRoom, cellId: cell.cellId, tandem: null }, body);
      else elsewhere(cell.assemblyRoom).post(toCellEvent(cell.cellId, body));
    },
  };
  const side: Side = { slice, now, elsewhere, bus };
  return side;
}
