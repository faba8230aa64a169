import type { EventContext, EventHandler } from "../../src/kernel/feature.js";
import { HOST_MARK } from "../../src/kernel/other-tandems.js";
import { atAssembly } from "./assembly-side.js";
import { sideOf } from "./bus.js";
import { atCell } from "./cell-side.js";
import { readToAssembly, readToCell, TO_ASSEMBLY, TO_CELL } from "./protocol/wire.js";
import type { FederationSlice } from "./services.js";

type Ctx = EventContext<FederationSlice>;

/**
 * Messages from another Tandem arrive as events in an assembly room. Each is read only if its
 * sending device is cross-signed by its owner and it validates; then the side it concerns checks
 * who may say it (a join's code, the cell's registered Tandem, the assembly's welcoming Tandem).
 */
/**
 * Another Tandem speaks for this room (a federation event, or a message with its host mark): unless
 * this Tandem hosts it, links a cell from it or keeps a cell's data there, the room is another's and
 * this one stays silent in it from now on, before any of its own cells links.
 */
function learnOthersRoom(ctx: Ctx): void {
  const { repo } = ctx.slice;
  const room = ctx.event.roomId;
  if (
    !ctx.event.signedDevice ||
    repo.isOthersAssembly(room) ||
    repo.assembly(room) ||
    repo.membership(room) ||
    ctx.keepsData()
  )
    return;
  repo.markOthersAssembly(room);
}

const toAssembly: EventHandler<FederationSlice> = (ctx: Ctx) => {
  const read = ctx.event.signedDevice ? readToAssembly(ctx.event.content) : undefined;
  if (read) learnOthersRoom(ctx);
  if (!read || !ctx.slice.repo.assembly(ctx.event.roomId)) return;
  atAssembly(
    sideOf(ctx.slice, ctx.now, ctx.elsewhere),
    { assemblyRoom: ctx.event.roomId, cellId: read.cell, tandem: ctx.event.sender },
    read.body,
  );
};

const toCell: EventHandler<FederationSlice> = (ctx: Ctx) => {
  const read = ctx.event.signedDevice ? readToCell(ctx.event.content) : undefined;
  if (!read) return;
  learnOthersRoom(ctx);
  atCell(
    sideOf(ctx.slice, ctx.now, ctx.elsewhere),
    { assemblyRoom: ctx.event.roomId, cellId: read.cell, tandem: ctx.event.sender },
    read.body,
  );
};

export const federationEvents = { [TO_ASSEMBLY]: toAssembly, [TO_CELL]: toCell, [HOST_MARK]: learnOthersRoom };
