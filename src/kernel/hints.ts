import type { AnyCommand, HintArgs } from "./command.js";
import { NUMBER_SLOT, type CommandIndex } from "./command-index.js";
import type { Lang } from "./i18n/catalog.js";
import { choiceWord } from "./params.js";

/** A member's words inside a hint are quoted when they hold spaces, so the hint works when typed back. */
export function quoteWord(value: string): string {
  return /\s/.test(value) && !/^".*"$/.test(value) ? `"${value.replace(/"/g, "'")}"` : value;
}

/** The form a hint writes a command in: the room's language, and the number inside the name where people say it so. */
function formOf(command: AnyCommand, lang: Lang): string {
  if (lang === "es" && command.es) return command.es;
  const first = command.aliases?.[0];
  return first?.includes(NUMBER_SLOT) ? first : command.name;
}

/**
 * Writes a command as a member would type it, from its definition: `!careplan 3 join`,
 * `!role join "night shift"`. A name that is not a command is a programming mistake.
 */
export function writeCommand(
  index: CommandIndex,
  prefix: string,
  lang: Lang,
  name: string,
  args: HintArgs = {},
): string {
  const command = index.byCanonicalName(name);
  if (!command) throw new Error(`a hint names an unknown command: ${name}`);
  let form = formOf(command, lang);
  const params = Object.keys(command.params);
  const rest: string[] = [];
  const slotParam = form.includes(NUMBER_SLOT) ? params.find((p) => command.params[p]!.kind === "int") : undefined;
  for (const p of params) {
    const value = args[p];
    if (value === undefined) continue;
    // The rest of a line is taken verbatim; a single word with spaces needs its quotes.
    const param = command.params[p]!;
    const text =
      param.kind === "rest" || param.kind === "when"
        ? String(value)
        : param.kind === "choice"
          ? choiceWord(param, String(value), lang)
          : quoteWord(String(value));
    if (p === slotParam) form = form.replace(NUMBER_SLOT, text);
    else rest.push(text);
  }
  const unknown = Object.keys(args).find((key) => !params.includes(key));
  if (unknown) throw new Error(`a hint for ${name} fills an unknown parameter: ${unknown}`);
  return `${prefix}${[form, ...rest].join(" ")}`;
}
