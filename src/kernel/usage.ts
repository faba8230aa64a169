import type { AnyCommand } from "./command.js";
import { doc, p, type Doc } from "./doc.js";
import type { TextKey } from "./i18n/catalog.js";
import type { Translator } from "./i18n/index.js";
import { NUMBER_SLOT } from "./command-index.js";
import { usageOf } from "./params.js";

/** `!ledger thanks <@givers…> <what>`, in the room's language (every parameter's `arg.<name>` label: test/kernel/registry.test.ts). */
export function usageLine(command: AnyCommand, t: Translator, prefix: string): string {
  const label = (name: string) => t.text(`arg.${name}` as TextKey);
  let name = t.lang === "es" && command.es ? command.es : command.name;
  let params = command.params;
  // A number written inside the name (`!plan 3 unirme`) is shown there, by its label.
  const slot = name.includes(NUMBER_SLOT) ? Object.keys(params).find((p) => params[p]!.kind === "int") : undefined;
  if (slot) {
    name = name.replace(NUMBER_SLOT, `<${label(slot)}>`);
    params = Object.fromEntries(Object.entries(params).filter(([p]) => p !== slot));
  }
  const args = usageOf(params, label, t.lang);
  return `${prefix}${name}${args ? ` ${args}` : ""}`;
}

/** The usage line and one example, shown after a mistake in a command's arguments. */
export function usageDoc(command: AnyCommand, t: Translator, prefix: string): Doc {
  const blocks = [p(...t.t("usage.line", { usage: usageLine(command, t, prefix) }))];
  const first = command.examples[t.lang][0];
  if (first) blocks.push(p(...t.t("usage.example", { example: `${prefix}${first}` })));
  return doc(...blocks);
}
