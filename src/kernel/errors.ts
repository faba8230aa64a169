import type { TextKey } from "./i18n/catalog.js";
import type { Params } from "./i18n/template.js";

/**
 * A mistake the user can fix. It carries a catalog key, not a sentence, so it is shown in the
 * room's language; the dispatcher adds the usage line when `withUsage` is set.
 */
export class UserError extends Error {
  constructor(
    readonly key: TextKey,
    readonly params: Params = {},
    readonly withUsage = false,
  ) {
    super(key);
    this.name = "UserError";
  }
}
