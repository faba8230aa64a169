import { z } from "zod";
import { UserError } from "./errors.js";
import type { Lang, TextKey } from "./i18n/catalog.js";
import type { Person } from "./invocation.js";
import type { When } from "./time/natural.js";
import type { Token } from "./tokenizer.js";

/**
 * One parameter, declared once: its kind gives binding and the usage line, its schema validates
 * and types the bound value. A command's arguments are the object of its parameters, in order.
 */
export interface Param<T = unknown> {
  kind: "word" | "choice" | "int" | "person" | "people" | "rest" | "when";
  schema: z.ZodType<T>;
  optional: boolean;
  /** choice: canonical value → every word that means it (the canonical value itself included). */
  choices?: Readonly<Record<string, readonly string[]>>;
  /** people: how many at least. */
  min?: number;
  /**
   * The text key of what members call it ("request number"), in usage lines and in "Something is
   * missing: …". Without it, `arg.<name>`: the kernel's shared labels or the feature's own.
   */
  label?: string;
}

/** The text key naming a parameter to members. */
export const labelKey = (params: Params, name: string): TextKey => (params[name]?.label ?? `arg.${name}`) as TextKey;

/** The largest number anything is numbered with; longer digits name nothing that exists. */
export const MAX_NUMBER = 999_999_999;

export type Params = Readonly<Record<string, Param>>;
export type ArgsOf<P extends Params> = { [K in keyof P]: P[K] extends Param<infer T> ? T : never };

/** A person named in a command, after mention resolution: on Matrix (userId) or a plain-text name. */
export const PersonSchema = z.object({ userId: z.string().optional(), name: z.string().min(1).max(100) });

type Opt = { optional?: false };
type IsOpt = { optional: true };

function make<T>(kind: Param["kind"], schema: z.ZodType<T>, extra: Partial<Param> = {}): Param<T> {
  return { kind, schema, optional: false, ...extra } as Param<T>;
}
function maybe<T>(p: Param<T>, optional: boolean | undefined): Param<T> | Param<T | undefined> {
  return optional ? ({ ...p, optional: true, schema: p.schema.optional() } as Param<T | undefined>) : p;
}

/** The builders a command's `params` are written with. */
export const param = {
  /** One word (or one quoted phrase). */
  word: ((o: { max?: number; optional?: boolean } = {}) =>
    maybe(
      make(
        "word",
        z
          .string()
          .min(1)
          .max(o.max ?? 100),
      ),
      o.optional,
    )) as {
    (o?: { max?: number } & Opt): Param<string>;
    (o: { max?: number } & IsOpt): Param<string | undefined>;
  },
  /**
   * One of a few words; synonyms bind to the canonical value. The first synonym is the value's
   * Spanish word: usage lines and hints write it in Spanish rooms (`{ burst: ["intenso"] }`).
   */
  choice: (<C extends string>(choices: Readonly<Record<C, readonly string[]>>, o: { optional?: boolean } = {}) => {
    const values = Object.keys(choices) as [C, ...C[]];
    const all = Object.fromEntries(values.map((v) => [v, [v, ...(choices[v] as readonly string[])]]));
    return maybe(make("choice", z.enum(values) as unknown as z.ZodType<C>, { choices: all }), o.optional);
  }) as {
    <C extends string>(choices: Readonly<Record<C, readonly string[]>>, o?: Opt): Param<C>;
    <C extends string>(choices: Readonly<Record<C, readonly string[]>>, o: IsOpt): Param<C | undefined>;
  },
  /** A whole number that names something (`#3` or `3`): 1 or more. */
  int: ((o: { optional?: boolean } = {}) =>
    maybe(make("int", z.number().int().positive().max(MAX_NUMBER)), o.optional)) as {
    (o?: Opt): Param<number>;
    (o: IsOpt): Param<number | undefined>;
  },
  person: ((o: { optional?: boolean } = {}) =>
    maybe(make("person", PersonSchema as z.ZodType<Person>), o.optional)) as {
    (o?: Opt): Param<Person>;
    (o: IsOpt): Param<Person | undefined>;
  },
  people: (o: { min?: number; max: number }): Param<Person[]> =>
    make(
      "people",
      z
        .array(PersonSchema as z.ZodType<Person>)
        .min(o.min ?? 1)
        .max(o.max),
      { min: o.min ?? 1 },
    ),
  /**
   * The rest of the line as a time ahead, read by the kernel's one time reader in the room's zone and
   * language ("friday 17:00", "en 2 horas", "mañana"); an unreadable or past time is the member's error.
   */
  when: (): Param<When> =>
    make(
      "when",
      z.custom<When>((v) => typeof (v as When | undefined)?.utcMs === "number"),
    ),
  /** The rest of the line, verbatim. */
  rest: ((o: { min?: number; max: number; optional?: boolean }) =>
    maybe(
      make(
        "rest",
        z
          .string()
          .min(o.min ?? 1)
          .max(o.max),
      ),
      o.optional,
    )) as {
    (o: { min?: number; max: number } & Opt): Param<string>;
    (o: { min?: number; max: number } & IsOpt): Param<string | undefined>;
  },
};

/** A parameter named with a label of its own, where the shared `arg.<name>` would mislead. */
export const labelled = <T>(p: Param<T>, label: string): Param<T> => ({ ...p, label });

export function argsSchema(params: Params): z.ZodType<Record<string, unknown>> {
  return z.object(
    Object.fromEntries(Object.entries(params).map(([name, p]) => [name, p.schema])),
  ) as unknown as z.ZodType<Record<string, unknown>>;
}

export type ResolvePerson = (word: string) => Person | undefined;
/** Reads a typed time for the room of the message; throws the member's error when it cannot. */
export type ReadWhen = (text: string) => When;

/** The canonical value a typed word stands for, or undefined. */
export function choiceOf(p: Param, word: string): string | undefined {
  const folded = word.toLocaleLowerCase();
  return Object.entries(p.choices ?? {}).find(([, words]) => words.includes(folded))?.[0];
}

/**
 * Turns the words after a command name into a raw argument object following the parameters;
 * the parameters' schemas then validate it. Mismatches are user errors with usage.
 */
export function bindArgs(
  params: Params,
  tokens: Token[],
  text: string,
  resolve: ResolvePerson,
  readWhen?: ReadWhen,
): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  let i = 0;
  for (const [name, p] of Object.entries(params)) {
    const token = tokens[i];
    switch (p.kind) {
      case "rest": {
        const rest = token ? text.slice(token.start).trim() : "";
        if (!rest && !p.optional) throw new UserError("error.arg.missing", { arg: name }, true);
        if (rest) args[name] = rest;
        i = tokens.length;
        break;
      }
      case "when": {
        const rest = token ? text.slice(token.start).trim() : "";
        if (!rest) throw new UserError("error.arg.missing", { arg: name }, true);
        if (!readWhen) throw new Error("a time parameter is bound without the room's time reader");
        args[name] = readWhen(rest);
        i = tokens.length;
        break;
      }
      case "people": {
        const people: Person[] = [];
        while (i < tokens.length) {
          const person = resolve(tokens[i]!.value);
          if (!person) break;
          people.push(person);
          i++;
        }
        if (people.length < (p.min ?? 1)) throw new UserError("error.arg.person", { arg: name }, true);
        args[name] = people;
        break;
      }
      case "person": {
        const person = token ? resolve(token.value) : undefined;
        if (person) {
          args[name] = person;
          i++;
        } else if (!p.optional) {
          throw new UserError("error.arg.person", { arg: name }, true);
        }
        break;
      }
      case "int": {
        const m = token && /^#?(\d+)$/.exec(token.value);
        if (m) {
          args[name] = Number(m[1]);
          i++;
        } else if (!p.optional) {
          throw new UserError(
            token ? "error.arg.number" : "error.arg.missing",
            { arg: name, found: token?.value ?? "" },
            true,
          );
        }
        break;
      }
      case "choice": {
        const value = token ? choiceOf(p, token.value) : undefined;
        if (value) {
          args[name] = value;
          i++;
        } else if (!p.optional) {
          throw new UserError(
            token ? "error.arg.choice" : "error.arg.missing",
            { arg: name, found: token?.value ?? "", choices: Object.keys(p.choices ?? {}).join(", ") },
            true,
          );
        }
        break;
      }
      case "word": {
        if (token) {
          args[name] = token.value;
          i++;
        } else if (!p.optional) {
          throw new UserError("error.arg.missing", { arg: name }, true);
        }
        break;
      }
    }
  }
  if (i < tokens.length) throw new UserError("error.arg.extra", { found: tokens[i]!.value }, true);
  return args;
}

/** `<@people…> <what>` — the argument part of a usage line. */
/** A choice's value as a room of this language writes it: the canonical (English) word, or its Spanish one. */
export function choiceWord(p: Param, value: string, lang: Lang): string {
  return lang === "es" ? (p.choices?.[value]?.[1] ?? value) : value;
}

export function usageOf(params: Params, label: (key: TextKey) => string, lang: Lang): string {
  return Object.entries(params)
    .map(([key, p]) => {
      const name = label(labelKey(params, key));
      switch (p.kind) {
        case "people":
          return `<@${name}…>`;
        case "person":
          return p.optional ? `[@${name}]` : `<@${name}>`;
        case "choice": {
          const values = Object.keys(p.choices ?? {})
            .map((value) => choiceWord(p, value, lang))
            .join("|");
          return p.optional ? `[${values}]` : values;
        }
        default:
          return p.optional ? `[${name}]` : `<${name}>`;
      }
    })
    .join(" ");
}
