import type { AnyCommand } from "./command.js";
import { doc, p, type Doc } from "./doc.js";
import type { TextKey } from "./i18n/catalog.js";
import type { Translator } from "./i18n/index.js";
import { usageOf } from "./params.js";

/** `!ledger thanks <@givers…> <what>`, in the room's language (every parameter's `arg.<name>` label: test/kernel/registry.test.ts). */
export function usageLine(command: AnyCommand, t: Translator, prefix: string): string {
  const args = usageOf(command.params, (name) => t.text(`arg.${name}` as TextKey));
  const name = t.lang === "es" && command.es ? command.es : command.name;
  return `${prefix}${name}${args ? ` ${args}` : ""}`;
}

/** The usage line and one example, shown after a mistake in a command's arguments. */
export function usageDoc(command: AnyCommand, t: Translator, prefix: string, example: (line: string) => string = (line) => `${prefix}${line}`): Doc {
  const blocks = [p(...t.t("usage.line", { usage: usageLine(command, t, prefix) }))];
  const first = command.examples[0];
  if (first) blocks.push(p(...t.t("usage.example", { example: example(first) })));
  return doc(...blocks);
}
