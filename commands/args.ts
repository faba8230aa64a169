import { z } from "zod";

/** A person named in a command, after mention resolution: on Matrix (userId) or a plain-text name. */
export const personArg = z.object({ userId: z.string().optional(), name: z.string().min(1).max(100) });

/** A rotating role's name as typed ("facilitator"). */
export const roleNameArg = z.string().min(1).max(40);
