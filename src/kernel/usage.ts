import type { AnyCommand } from "./command.js";
import { doc, p, type Doc } from "./doc.js";
import type { Translator } from "./i18n/index.js";
import { NUMBER_SLOT } from "./command-index.js";
import { labelKey, usageOf, type Params } from "./params.js";

// Every parameter has a label: its own, or `arg.<name>` (commandsOf accepts no other: Labelled).
const label = (t: Translator, command: AnyCommand, name: string) => t.text(labelKey(command.params, name));

/** The number parameter a name holds inside it (`plan # unirme`), if any. */
function slotOf(command: AnyCommand, name: string): string | undefined {
  return name.includes(NUMBER_SLOT)
    ? Object.keys(command.params).find((p) => command.params[p]!.kind === "int")
    : undefined;
}

/** A command's name in the room's language, a number inside it shown by its label: `plan <plan> unirme`, never a bare `#`. */
export function writtenName(command: AnyCommand, t: Translator): string {
  const name = t.lang === "es" && command.es ? command.es : command.name;
  const slot = slotOf(command, name);
  return slot ? name.replace(NUMBER_SLOT, `<${label(t, command, slot)}>`) : name;
}

/** `!ledger thanks <@givers…> <what>`, in the room's language. */
export function usageLine(command: AnyCommand, t: Translator, prefix: string): string {
  const slot = slotOf(command, t.lang === "es" && command.es ? command.es : command.name);
  const params: Params = Object.fromEntries(Object.entries(command.params as Params).filter(([p]) => p !== slot));
  const args = usageOf(params, (key) => t.text(key), t.lang);
  return `${prefix}${writtenName(command, t)}${args ? ` ${args}` : ""}`;
}

/** The usage line and one example, shown after a mistake in a command's arguments. */
export function usageDoc(command: AnyCommand, t: Translator, prefix: string): Doc {
  const blocks = [p(...t.t("usage.line", { usage: usageLine(command, t, prefix) }))];
  const first = command.examples[t.lang][0];
  if (first) blocks.push(p(...t.t("usage.example", { example: `${prefix}${first}` })));
  return doc(...blocks);
}
