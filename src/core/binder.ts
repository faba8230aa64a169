import type { ParamSpec } from "./command.js";
import { UserError } from "./errors.js";
import type { Person } from "./invocation.js";
import type { Token } from "./tokenizer.js";

export type ResolvePerson = (word: string) => Person | undefined;

/**
 * Turns the words after a command name into a raw argument object following the command's
 * parameter list; the command's zod schema then validates it. Mismatches are user errors with usage.
 */
export function bindArgs(params: ParamSpec[], tokens: Token[], text: string, resolve: ResolvePerson): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  let i = 0;
  for (const param of params) {
    const token = tokens[i];
    switch (param.kind) {
      case "rest": {
        const rest = token ? text.slice(token.start).trim() : "";
        if (!rest && !param.optional) throw new UserError("error.arg.missing", { arg: param.name }, true);
        if (rest) args[param.name] = rest;
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
        if (people.length < (param.min ?? 1)) throw new UserError("error.arg.person", { arg: param.name }, true);
        args[param.name] = people;
        break;
      }
      case "person": {
        const person = token ? resolve(token.value) : undefined;
        if (person) {
          args[param.name] = person;
          i++;
        } else if (!param.optional) {
          throw new UserError("error.arg.person", { arg: param.name }, true);
        }
        break;
      }
      case "int": {
        const m = token && /^#?(\d{1,9})$/.exec(token.value);
        if (m) {
          args[param.name] = Number(m[1]);
          i++;
        } else if (!param.optional) {
          throw new UserError(token ? "error.arg.number" : "error.arg.missing", { arg: param.name, found: token?.value ?? "" }, true);
        }
        break;
      }
      case "word": {
        const value = token?.value;
        const choice = value && param.choices ? param.choices.find((c) => c === value.toLocaleLowerCase()) : value;
        if (choice) {
          args[param.name] = choice;
          i++;
        } else if (!param.optional) {
          throw new UserError(value ? "error.arg.choice" : "error.arg.missing", { arg: param.name, found: value ?? "", choices: (param.choices ?? []).join(", ") }, true);
        }
        break;
      }
    }
  }
  if (i < tokens.length) throw new UserError("error.arg.extra", { found: tokens[i]!.value }, true);
  return args;
}

/** `<@people…> <what>` — the argument part of a usage line. */
export function usageOf(params: ParamSpec[], label: (name: string) => string): string {
  return params
    .map((p) => {
      const name = label(p.name);
      switch (p.kind) {
        case "people":
          return `<@${name}…>`;
        case "person":
          return p.optional ? `[@${name}]` : `<@${name}>`;
        case "word":
          if (p.choices) return p.optional ? `[${p.choices.join("|")}]` : p.choices.join("|");
          return p.optional ? `[${name}]` : `<${name}>`;
        default:
          return "optional" in p && p.optional ? `[${name}]` : `<${name}>`;
      }
    })
    .join(" ");
}
