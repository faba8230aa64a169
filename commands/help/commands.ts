import type { TextKey } from "../../src/kernel/i18n/catalog.js";
import { commandsOf, type AnyCommand, type RenderContext } from "../../src/kernel/command.js";
import { doc, list, p, type Block, type Inline } from "../../src/kernel/doc.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import { usageLine, writtenName } from "../../src/kernel/usage.js";

const command = commandsOf<undefined>();

/** What help shows: one line per group, or the commands a topic found (none when it found nothing). */
/** A command found by a topic, with its example lines as this room types them. */
type Found = { command: AnyCommand; examples: string[] };
type HelpResult = { kind: "overview"; commands: AnyCommand[] } | { kind: "topic"; topic: string; found: Found[] };

const nameIn = (c: AnyCommand, view: Pick<RenderContext, "t">) => (view.t.lang === "es" && c.es ? c.es : c.name);

/** The word a room's members call a group by: its first command's first word in their language (`registro`, `plan`). */
const familyWord = (members: readonly AnyCommand[], view: Pick<RenderContext, "t">) =>
  nameIn(members[0]!, view).split(" ")[0]!;

/** Help is generated from the command definitions, so it can never fall behind them. */
export const helpCommand = command({
  name: "help",
  es: "ayuda",
  group: "help",
  summary: "help.summary",
  examples: { en: ["help", "help ledger", "help undo"], es: ["ayuda", "ayuda registro", "ayuda deshacer"] },
  level: Level.Member,
  params: { topic: param.rest({ max: 100, optional: true }) },
  uses: ["kernel"],
  run({ topic }, ctx): HelpResult {
    const mine = ctx.kernel.commands().filter((c) => c.level <= ctx.level);
    if (!topic) return { kind: "overview", commands: mine };
    const wanted = topic.replace(new RegExp(`^${escapeRegExp(ctx.prefix)}`), "").toLocaleLowerCase();
    const found = search(wanted, mine, ctx).map((command) => ({ command, examples: ctx.kernel.examples(command) }));
    return { kind: "topic", topic: wanted, found };
  },
  render: (result, view) =>
    result.kind === "overview" ? overview(result.commands, view) : topicHelp(result.topic, result.found, view),
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A group's name, a command's name or alias, or else every word found in a command's names or summary. */
function search(topic: string, commands: AnyCommand[], view: Pick<RenderContext, "t">): AnyCommand[] {
  const text = (key: TextKey) => view.t.text(key);
  const family = [...groupsOf(commands)].find(
    ([group, members]) => group === topic || familyWord(members, view) === topic,
  );
  if (family) return family[1];
  const exact = commands.filter((c) => c.name === topic || c.es === topic || c.aliases?.includes(topic));
  if (exact.length > 0) return exact;
  // "plan 3 unirme" asks about `plan # unirme`: a number is not a word to look for.
  const words = topic.split(/\s+/).filter((w) => !/^#?\d+$/.test(w));
  if (words.length === 0) return [];
  return commands.filter((c) => {
    const haystack = `${c.name} ${c.es ?? ""} ${(c.aliases ?? []).join(" ")} ${text(c.summary)}`.toLocaleLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

function groupsOf(commands: readonly AnyCommand[]): Map<AnyCommand["group"], AnyCommand[]> {
  const groups = new Map<AnyCommand["group"], AnyCommand[]>();
  for (const c of commands) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  return groups;
}

/** One line per group, short enough for a phone; `!help <group>` gives usage and examples. */
function overview(commands: AnyCommand[], view: RenderContext) {
  const groups = groupsOf(commands);
  const lines = [...groups].map(([group, members]): Inline[] => [
    { kind: "strong", text: view.t.text(`help.group.${group}`) },
    ": ",
    ...members.flatMap((c, i): Inline[] => [
      ...(i > 0 ? [", "] : []),
      { kind: "code", text: `${view.prefix}${writtenName(c, view.t)}` },
    ]),
  ]);
  const firstGroup = [...groups].find(([g]) => g !== "help") ?? [...groups][0]!;
  return doc(
    p(...view.t.t("help.intro")),
    list(lines),
    p(
      ...view.t.t("help.more", {
        example: view.hint("help", { topic: familyWord(firstGroup[1], view) }),
        search: view.hint("help", { topic: view.t.text("help.search_example") }),
      }),
    ),
  );
}

function topicHelp(topic: string, found: Found[], view: RenderContext) {
  if (found.length === 0) return doc(p(...view.t.t("help.nothing", { topic, help: view.hint("help") })));
  const blocks: Block[] = [];
  for (const { command: c, examples } of found) {
    blocks.push(p({ kind: "code", text: usageLine(c, view.t, view.prefix) }, " — ", ...view.t.t(c.summary)));
    if (examples.length > 0) blocks.push(list(examples.map((e) => [{ kind: "code" as const, text: e }])));
  }
  return doc(...blocks);
}
