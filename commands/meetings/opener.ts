import { commandsOf } from "../../src/kernel/command.js";
import { Level } from "../../src/kernel/level.js";
import { renderOpener } from "./render.js";
import type { MeetingSlice } from "./services.js";

const command = commandsOf<MeetingSlice>();

export const opener = command({
  name: "opener",
  es: "apertura",
  group: "meeting",
  summary: "opener.summary",
  examples: { en: ["opener"], es: ["apertura"] },
  level: Level.Member,
  params: {},
  run: (_args, ctx) => ctx.slice.opener(ctx.roomId, ctx.now),
  render: renderOpener,
});
