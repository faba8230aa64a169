import type { EventContext, EventHandler } from "../../src/kernel/feature.js";
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
const toAssembly: EventHandler<FederationSlice> = (ctx: Ctx) => {
  const read = ctx.event.signedDevice ? readToAssembly(ctx.event.content) : undefined;
  if (!read || !ctx.slice.repo.assembly(ctx.event.roomId)) return;
  atAssembly(sideOf(ctx.slice, ctx.now, ctx.elsewhere), { assemblyRoom: ctx.event.roomId, cellId: read.cell, tandem: ctx.event.sender }, read.body);
};

const toCell: EventHandler<FederationSlice> = (ctx: Ctx) => {
  const read = ctx.event.signedDevice ? readToCell(ctx.event.content) : undefined;
  if (!read) return;
  atCell(sideOf(ctx.slice, ctx.now, ctx.elsewhere), { assemblyRoom: ctx.event.roomId, cellId: read.cell, tandem: ctx.event.sender }, read.body);
};

export const federationEvents = { [TO_ASSEMBLY]: toAssembly, [TO_CELL]: toCell };
