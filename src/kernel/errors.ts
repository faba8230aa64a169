import type { TextKey } from "./i18n/catalog.js";
import type { Translator } from "./i18n/index.js";
import type { ParamValue, Params } from "./i18n/template.js";

/**
 * What an error's deferred words may use: what rendering uses (the room's words, zone, clock and
 * hints). command.ts, which stands above this file, completes it with `RenderContext` by declaration merging.
 */
export interface ErrorView {
  t: Translator;
}

/**
 * Words an error leaves to the moment it is shown: an amount, a kind, a date written in the room's
 * language and format. `run` says what went wrong; choosing the words stays with rendering.
 */
export type Deferred = (view: ErrorView) => ParamValue;
export type ErrorParams = Readonly<Record<string, ParamValue | Deferred>>;

/**
 * A mistake the user can fix. It carries a catalog key, not a sentence, so it is shown in the
 * room's language; the dispatcher adds the usage line when `withUsage` is set.
 */
export class UserError extends Error {
  constructor(
    readonly key: TextKey,
    readonly params: ErrorParams = {},
    readonly withUsage = false,
  ) {
    super(key);
    this.name = "UserError";
  }
}

/** The error's parameters as words for this room: deferred ones are written now, with the room's view. */
export function wordsOf(error: UserError, view: ErrorView): Params {
  return Object.fromEntries(
    Object.entries(error.params).map(([name, value]) => [name, typeof value === "function" ? value(view) : value]),
  );
}
