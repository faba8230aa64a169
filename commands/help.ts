import { z } from "zod";
import type { AnyCommand, CommandContext } from "../src/core/command.js";
import { defineCommand } from "../src/core/command.js";
import { doc, list, p, type Block, type Inline } from "../src/core/doc.js";
import { Level } from "../src/core/level.js";
import { usageLine } from "../src/core/usage.js";

/** Help is generated from the command definitions, so it can never fall behind them. */
export function helpCommand(commands: () => AnyCommand[]): AnyCommand {
  return defineCommand({
    name: "help",
    aliases: ["ayuda"],
    group: "help",
    summary: "help.summary",
    examples: ["help", "help ledger", "help undo"],
    level: Level.Member,
    params: [{ name: "topic", kind: "rest", optional: true }],
    args: z.object({ topic: z.string().max(100).optional() }),
    run({ topic }, ctx) {
      const mine = commands().filter((c) => c.level <= ctx.level);
      return topic ? topicHelp(topic.replace(/^!/, "").toLocaleLowerCase(), mine, ctx) : overview(mine, ctx);
    },
  });
}

function line(c: AnyCommand, ctx: CommandContext): Inline[] {
  return [{ kind: "code", text: usageLine(c, ctx.t, ctx.config.prefix) }, " — ", ...ctx.t.t(c.summary)];
}

/** One line per group, short enough for a phone; `!help <group>` gives usage and examples. */
function overview(commands: AnyCommand[], ctx: CommandContext) {
  const groups = new Map<string, AnyCommand[]>();
  for (const c of commands) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  const blocks: Block[] = [p(...ctx.t.t("help.intro"))];
  const lines = [...groups].map(([group, members]): Inline[] => [
    { kind: "strong", text: ctx.t.text(`help.group.${group}`) },
    ": ",
    ...members.flatMap((c, i): Inline[] => [...(i > 0 ? [", "] : []), { kind: "code", text: `${ctx.config.prefix}${c.name}` }]),
  ]);
  blocks.push(list(lines));
  const firstGroup = [...groups.keys()].find((g) => g !== "help") ?? "help";
  blocks.push(p(...ctx.t.t("help.more", { example: `${ctx.config.prefix}help ${firstGroup}`, search: `${ctx.config.prefix}help undo` })));
  return doc(...blocks);
}

function topicHelp(topic: string, commands: AnyCommand[], ctx: CommandContext) {
  const exact = commands.filter((c) => c.name === topic || c.aliases?.includes(topic));
  const group = commands.filter((c) => c.group === topic);
  const words = topic.split(/\s+/);
  const found =
    group.length > 0
      ? group
      : exact.length > 0
        ? exact
        : commands.filter((c) => {
            const haystack = `${c.name} ${(c.aliases ?? []).join(" ")} ${ctx.t.text(c.summary)}`.toLocaleLowerCase();
            return words.every((w) => haystack.includes(w));
          });
  if (found.length === 0) {
    return doc(p(...ctx.t.t("help.nothing", { topic, help: `${ctx.config.prefix}help` })));
  }
  const blocks: Block[] = [];
  for (const c of found) {
    blocks.push(p(...line(c, ctx)));
    if (c.examples.length > 0) blocks.push(list(c.examples.map((e) => [{ kind: "code" as const, text: `${ctx.config.prefix}${e}` }])));
  }
  return doc(...blocks);
}
