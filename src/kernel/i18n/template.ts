import type { Inline } from "../doc.js";
import type { Person } from "../invocation.js";

export type ParamValue = string | number | Person | Person[] | Inline[];
export type Params = Record<string, ParamValue>;

function isPerson(v: unknown): v is Person {
  return typeof v === "object" && v !== null && !Array.isArray(v) && "name" in v && !("kind" in v);
}

/** "Ana, Bo and Cy" with each name as a mention, in the language's own list style. */
export function joinPeople(people: Person[], lang: string): Inline[] {
  const parts = new Intl.ListFormat(lang, { type: "conjunction" }).formatToParts(people.map((p) => p.name));
  let next = 0;
  return parts.map((part) =>
    part.type === "element" ? { kind: "mention" as const, person: people[next++]! } : part.value,
  );
}

function expand(value: ParamValue | undefined, lang: string): Inline[] {
  if (value === undefined) return [];
  if (typeof value === "string") return [value];
  if (typeof value === "number") return [new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(value)];
  if (isPerson(value)) return [{ kind: "mention", person: value }];
  if (value.length > 0 && value.every(isPerson)) return joinPeople(value as Person[], lang);
  return value as Inline[];
}

/** A value that ends a sentence itself ("Where do we meet?"): the template's own full stop after it is dropped. */
const ENDS_SENTENCE = /[.!?…]$/u;

/**
 * Fills a catalog template. Templates may use `{param}`, `**strong**` and `` `code` ``; the markup
 * is read from the template only, so user text substituted into it is never interpreted. Member
 * words that end their own sentence take the place of the template's full stop ("meet?." never
 * shows), and an empty last value leaves no space dangling at the end.
 */
export function fill(template: string, params: Params, lang: string): Inline[] {
  const out: Inline[] = [];
  const token = /\{(\w+)\}|\*\*(.+?)\*\*|`([^`]+)`/g;
  let last = 0;
  for (let m = token.exec(template); m; m = token.exec(template)) {
    if (m.index > last) out.push(template.slice(last, m.index));
    if (m[1] !== undefined) {
      const value = expand(params[m[1]], lang);
      out.push(...value);
      const stop = template[token.lastIndex] === "." && template[token.lastIndex + 1] !== ".";
      if (stop && ENDS_SENTENCE.test(plain(value))) token.lastIndex++;
    } else if (m[2] !== undefined) out.push({ kind: "strong", text: plain(fill(m[2], params, lang)) });
    else out.push({ kind: "code", text: plain(fill(m[3]!, params, lang)) });
    last = token.lastIndex;
  }
  if (last < template.length) out.push(template.slice(last));
  if (/\s$/u.test(template)) return out;
  while (out.at(-1) === "") out.pop();
  const end = out.at(-1);
  if (typeof end === "string") out[out.length - 1] = end.trimEnd();
  return out;
}

/** Plain text of inline parts: mentions become names. */
export function plain(parts: Inline[]): string {
  return parts.map((p) => (typeof p === "string" ? p : p.kind === "mention" ? p.person.name : p.text)).join("");
}
