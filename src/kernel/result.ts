/**
 * What a rule returns when the input may be wrong: the value, or an error code the caller turns into
 * words. One shape for every rule module, so a reader never guesses whether a string, `undefined`
 * or a missing key means "no".
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
