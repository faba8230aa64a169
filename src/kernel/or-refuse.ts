import type { UserError } from "./errors.js";

/**
 * A record a member named (by its number, its code): what the lookup found, or the feature's own
 * "there is no #n here" refusal, built only when it is needed (it often holds a hint).
 */
export function orRefuse<T>(found: T | null | undefined, refusal: () => UserError): T {
  if (found === null || found === undefined) throw refusal();
  return found;
}
