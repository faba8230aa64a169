import type { ElsewhereOf } from "../../src/kernel/command.js";
import type { Cell, Membership } from "./repository.js";
import type { ToAssembly, ToCell } from "./protocol/messages.js";
import type { FederationSlice } from "./services.js";

/**
 * Where a message came from: `tandem` is the bot account that sent it as an event, or null when
 * it came from this very Tandem (cell and assembly in one database).
 */
export interface From {
  assemblyRoom: string;
  cellId: string;
  tandem: string | null;
}

/** Delivers a message to the other side: in-process when it lives here, else as an event in the assembly room. */
export interface Bus {
  toAssembly(membership: Pick<Membership, "assemblyRoom" | "cellId">, body: ToAssembly): void;
  toCell(cell: Pick<Cell, "assemblyRoom" | "cellId" | "tandem">, body: ToCell): void;
}

/** What either side's handlers use: the feature's services, the clock, other rooms and the bus. */
export interface Side {
  slice: FederationSlice;
  now: number;
  elsewhere: ElsewhereOf;
  bus: Bus;
}
