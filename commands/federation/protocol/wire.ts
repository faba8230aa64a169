import { z } from "zod";
import { structured, type Doc } from "../../../src/kernel/doc.js";
import { ToAssemblySchema, ToCellSchema, type ToAssembly, type ToCell } from "./messages.js";

/**
 * Between Tandems, messages are custom events in the assembly room, encrypted like any message:
 * namespaced types, a version, the cell they concern (an opaque id), and the message. A Tandem
 * reads only the versions it knows and ignores anything that does not validate.
 */
export const TO_ASSEMBLY = "org.tandem.federation.to_assembly";
export const TO_CELL = "org.tandem.federation.to_cell";
export const VERSION = 1;

const envelope = <T extends z.ZodTypeAny>(body: T) =>
  z.object({ v: z.literal(VERSION), cell: z.string().regex(/^[0-9a-f]{24}$/), body }).strict();
const ToAssemblyEnvelope = envelope(ToAssemblySchema);
const ToCellEnvelope = envelope(ToCellSchema);

export const toAssemblyEvent = (cell: string, body: ToAssembly): Doc =>
  structured(TO_ASSEMBLY, { v: VERSION, cell, body });
export const toCellEvent = (cell: string, body: ToCell): Doc => structured(TO_CELL, { v: VERSION, cell, body });

export function readToAssembly(content: unknown): { cell: string; body: ToAssembly } | undefined {
  const read = ToAssemblyEnvelope.safeParse(content);
  return read.success ? read.data : undefined;
}

export function readToCell(content: unknown): { cell: string; body: ToCell } | undefined {
  const read = ToCellEnvelope.safeParse(content);
  return read.success ? read.data : undefined;
}
