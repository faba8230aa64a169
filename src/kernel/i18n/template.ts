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

/**
 * Fills a catalog template. Templates may use `{param}`, `**strong**` and `` `code` ``; the markup
 * is read from the template only, so user text substituted into it is never interpreted.
 */
export function fill(template: string, params: Params, lang: string): Inline[] {
  const out: Inline[] = [];
  const token = /\{(\w+)\}|\*\*(.+?)\*\*|`([^`]+)`/g;
  let last = 0;
  for (let m = token.exec(template); m; m = token.exec(template)) {
    if (m.index > last) out.push(template.slice(last, m.index));
    if (m[1] !== undefined) out.push(...expand(params[m[1]], lang));
    else if (m[2] !== undefined) out.push({ kind: "strong", text: plain(fill(m[2], params, lang)) });
    else out.push({ kind: "code", text: plain(fill(m[3]!, params, lang)) });
    last = token.lastIndex;
  }
  if (last < template.length) out.push(template.slice(last));
  return out;
}

/** Plain text of inline parts: mentions become names. */
export function plain(parts: Inline[]): string {
  return parts.map((p) => (typeof p === "string" ? p : p.kind === "mention" ? p.person.name : p.text)).join("");
}
