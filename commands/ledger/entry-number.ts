import { z } from "zod";
import type { CommandContext } from "../../src/kernel/command.js";
import { UserError } from "../../src/kernel/errors.js";
import { param, type Param } from "../../src/kernel/params.js";
import type { LedgerEntry } from "./repository.js";
import type { LedgerSlice } from "./services.js";

/** Numbers beyond this name no entry: the kernel's own bound for numbers that name things. */
const HIGHEST = 999_999_999;

/**
 * An entry number, bound like any number (`12` or `#12`) but checked by the ledger, so `0` and
 * `99999999999999999999` get a sentence about entries instead of "I expected a number".
 */
export function entryNumberParam(): Param<number> {
  return { ...param.int(), schema: z.number() };
}

/** The entry of this room with that number, in any status; a sentence when there is none. */
export function entryOf(number: number, ctx: CommandContext<LedgerSlice>): LedgerEntry {
  if (number < 1) throw new UserError("ledger.entry.from_one", { list: ctx.hint("ledger") });
  const entry = Number.isSafeInteger(number) && number <= HIGHEST ? ctx.slice.get(ctx.roomId, number) : undefined;
  if (entry) return entry;
  if (number > HIGHEST) throw new UserError("ledger.entry.too_high", { list: ctx.hint("ledger") });
  throw new UserError("ledger.entry.missing", { n: number, list: ctx.hint("ledger") });
}
