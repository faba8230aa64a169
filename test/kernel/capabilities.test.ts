import { features } from "../../commands/index.js";
import { commandsOf } from "../../src/kernel/command.js";
import { doc, p } from "../../src/kernel/doc.js";
import { defineFeature } from "../../src/kernel/feature.js";
import { Level } from "../../src/kernel/level.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";
import { typeErrors } from "../support/type-errors.js";

// Line numbers below are those of the source lines (1-based).
const source = [
  `import "../commands/index.js";`,
  `import { commandsOf, type CommandContext } from "../src/kernel/command.js"; import { Level } from "../src/kernel/level.js";`,
  `const base = { name: "x", group: "help", summary: "help.summary", examples: { en: [], es: [] }, level: Level.Member, params: {}, render: () => [] } as const;`,
  `const command = commandsOf<undefined>();`,
  `export const core = command({ ...base, run: (_a, ctx) => [ctx.sender.userId, ctx.level, ctx.slice, ctx.hint("help"), ctx.now] });`,
  `export const asked = command({ ...base, uses: ["jobs", "room"], run: (_a, ctx) => [ctx.jobs.active(), ctx.room.direct] });`,
  `export const notAsked = command({ ...base, run: (_a, ctx) => ctx.jobs.active() });`,
  `export const otherAsked = command({ ...base, uses: ["room"], run: (_a, ctx) => ctx.kernel.commands() });`,
  `const planned = (ctx: CommandContext<undefined, "jobs">) => ctx.jobs.active();`,
  `export const passedOn = command({ ...base, uses: ["jobs"], run: (_a, ctx) => planned(ctx) });`,
  `export const passedOnUnasked = command({ ...base, run: (_a, ctx) => planned(ctx) });`,
  `export const noSuchCapability = command({ ...base, uses: ["database"], run: () => 0 });`,
  `export const noMembers = command({ ...base, uses: ["room"], run: (_a, ctx) => ctx.room.members() });`,
].join("\n");

describe("a command's capabilities", () => {
  it("fail the type check when `run` reaches for one its `uses` does not name, and only then", () => {
    const noSuchProperty = 2339;
    const argumentNotAssignable = 2345;
    const notAssignable = 2322;
    expect(typeErrors(source)).toEqual([
      [7, noSuchProperty],
      [8, noSuchProperty],
      [11, argumentNotAssignable],
      [12, notAssignable],
      [13, noSuchProperty],
    ]);
  }, 60_000);

  describe("at run time", () => {
    let bot: TestBot;
    afterEach(() => bot.close());

    it("the dispatcher builds only the capabilities a command names", async () => {
      const seen: Record<string, string[]> = {};
      const command = commandsOf<undefined>();
      const probe = (name: string, uses: readonly ("jobs" | "room" | "kernel")[]) =>
        command({
          name,
          group: "help",
          summary: "help.summary",
          examples: { en: [], es: [] },
          level: Level.Member,
          params: {},
          uses,
          run: (_args, ctx) => void (seen[name] = Object.keys(ctx).sort()),
          render: () => doc(p("ok")),
        });
      const probes = defineFeature({
        name: "probes",
        services: () => undefined,
        commands: [probe("plain", []), probe("planner", ["jobs"]), probe("keeper", ["kernel", "room"])],
        texts: { en: {}, es: {} },
      });
      bot = createTestBot({ features: [...features, probes] });
      for (const name of ["plain", "planner", "keeper"]) expect(await bot.say(`!${name}`)).toEqual(["ok"]);
      const core = ["hint", "level", "now", "personOf", "prefix", "roomId", "sender", "settings", "slice", "t"];
      expect(seen.plain).toEqual(core);
      expect(seen.planner).toEqual([...core, "jobs"].sort());
      expect(seen.keeper).toEqual([...core, "kernel", "room"].sort());
    });
  });
});
