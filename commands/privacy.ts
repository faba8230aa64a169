import { z } from "zod";
import type { CommandContext } from "../src/core/command.js";
import { defineCommand } from "../src/core/command.js";
import { doc, list, p } from "../src/core/doc.js";
import { UserError } from "../src/core/errors.js";
import type { Person } from "../src/core/invocation.js";
import { Level } from "../src/core/level.js";
import { personMatch, ROOM_DATA } from "../src/store/privacy.js";

const CONFIRM = ["confirm", "confirmar"] as const;
const SELF = ["me", "yo", "myself"];

function target(word: string, ctx: CommandContext): Person {
  if (SELF.includes(word.toLocaleLowerCase())) return ctx.sender;
  const person = ctx.person(word);
  if (!person) throw new UserError("error.arg.person", { arg: "who" }, true);
  return person;
}

export const forget = defineCommand({
  name: "forget",
  aliases: ["olvidar"],
  group: "privacy",
  summary: "privacy.forget.summary",
  examples: ["forget me", "forget @ana", "forget @ana confirm"],
  level: Level.Member,
  params: [
    { name: "who", kind: "word" },
    { name: "confirm", kind: "word", optional: true, choices: CONFIRM },
  ],
  args: z.object({ who: z.string().max(200), confirm: z.enum(CONFIRM).optional() }),
  run({ who, confirm }, ctx) {
    const person = target(who, ctx);
    const self = person.userId === ctx.sender.userId;
    if (!self && ctx.level < Level.Moderator) throw new UserError("privacy.forget.not_allowed", { me: `${ctx.config.prefix}forget me` });
    const match = personMatch(person);
    const parts = ROOM_DATA.map((part) => ({ part, n: part.countPerson(ctx.db, ctx.roomId, match) })).filter((x) => x.n > 0);
    if (parts.length === 0) return doc(p(...ctx.t.t("privacy.forget.nothing", { who: person })));
    if (!confirm) {
      return doc(
        p(...ctx.t.t("privacy.forget.preview", { who: person })),
        list(parts.map(({ part, n }) => ctx.t.t(part.key, { count: n }))),
        p(...ctx.t.t("privacy.forget.ask", { confirm: `${ctx.config.prefix}forget ${who} confirm` })),
      );
    }
    const someone = ctx.t.text("privacy.someone");
    for (const { part } of parts) part.forgetPerson(ctx.db, ctx.roomId, match, someone, ctx.now, ctx.settings.timezone);
    return doc(p(...ctx.t.t("privacy.forget.done", { name: person.name })));
  },
});

export const wipe = defineCommand({
  name: "cell wipe",
  aliases: ["celula borrar"],
  group: "privacy",
  summary: "privacy.wipe.summary",
  examples: ["cell wipe", "cell wipe confirm"],
  level: Level.Moderator,
  params: [{ name: "confirm", kind: "word", optional: true, choices: CONFIRM }],
  args: z.object({ confirm: z.enum(CONFIRM).optional() }),
  run({ confirm }, ctx) {
    const parts = ROOM_DATA.map((part) => ({ part, n: part.countRoom(ctx.db, ctx.roomId) })).filter((x) => x.n > 0);
    if (parts.length === 0) return doc(p(...ctx.t.t("privacy.wipe.nothing")));
    if (!confirm) {
      return doc(
        p(...ctx.t.t("privacy.wipe.preview")),
        list(parts.map(({ part, n }) => ctx.t.t(part.key, { count: n }))),
        p(...ctx.t.t("privacy.wipe.ask", { export: `${ctx.config.prefix}ledger export`, confirm: `${ctx.config.prefix}cell wipe confirm` })),
      );
    }
    // Every part, not only the counted ones: settings and old messages' refs are not counted, yet must go.
    for (const part of ROOM_DATA) part.wipeRoom(ctx.db, ctx.roomId);
    return doc(p(...ctx.t.t("privacy.wipe.done")));
  },
});

export const privacyCommands = [forget, wipe];
