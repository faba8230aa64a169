import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { Level } from "../src/core/level.js";
import { gratitudeOpener } from "../src/scheduler/posts/meeting.js";

export const opener = defineCommand({
  name: "opener",
  aliases: ["apertura"],
  group: "meeting",
  summary: "opener.summary",
  examples: ["opener"],
  level: Level.Member,
  params: [],
  args: z.object({}),
  run(_args, ctx) {
    return gratitudeOpener(ctx.db, ctx.roomId, ctx.now, ctx.t, ctx.config.prefix);
  },
});

export const openerCommands = [opener];
