import { commandsOf } from "../../../src/kernel/command.js";
import { doc, heading, list, p, type Inline } from "../../../src/kernel/doc.js";
import { UserError } from "../../../src/kernel/errors.js";
import { Level } from "../../../src/kernel/level.js";
import { param } from "../../../src/kernel/params.js";
import { cleanInput, excerpt } from "../../../src/kernel/text-hygiene.js";
import { formatWhen } from "../../../src/kernel/time/format.js";
import { sideOf } from "../bus.js";
import type { FederationSlice } from "../services.js";
import { crossingText, linkedCell, removedNote } from "./link.js";

const command = commandsOf<FederationSlice>();
const LISTED = 10;
const EXCERPT = 80;

/**
 * A story is the cell's before it is the assembly's: any member proposes it, it stays in the cell
 * as written, and it crosses only when a moderator approves it, cleaned of @-names then.
 */
export const share = command({
  name: "story share",
  es: "historia compartir",
  aliases: ["story propose", "historia proponer"],
  group: "federation",
  summary: "board.story_share.summary",
  examples: {
    en: ["story share The night shift covered for Marisa all week so she could stay with her father"],
    es: ["historia compartir El turno de noche cubrió a Marisa toda la semana para que pudiera quedarse con su padre"],
  },
  level: Level.Member,
  params: { text: param.rest({ max: 2000 }) },
  run({ text: raw }, ctx) {
    const link = linkedCell(ctx, false);
    // Checked now, so its author hears at once if it could never cross.
    const crossing = crossingText(raw, ctx.t);
    const text = cleanInput(raw).replace(/\s+/gu, " ").trim();
    const number = ctx.slice.board.addStory(ctx.roomId, text, ctx.sender.userId, ctx.now);
    return { number, name: link.assemblyName, crossing: crossing.text };
  },
  render: (r, view) =>
    doc(
      p(
        ...view.t.t("board.story_shared", {
          number: r.number,
          name: r.name,
          approve: view.hint("story approve", { story: r.number }),
          text: excerpt(r.crossing, EXCERPT),
        }),
      ),
    ),
});

export const approve = command({
  name: "story approve",
  es: "historia # aprobar",
  aliases: ["story # approve", "historia aprobar"],
  group: "federation",
  summary: "board.story_approve.summary",
  examples: { en: ["story 2 approve"], es: ["historia 2 aprobar"] },
  level: Level.Moderator,
  params: { story: param.int() },
  uses: ["elsewhere"],
  run({ story: number }, ctx) {
    const link = linkedCell(ctx, true);
    const { board } = ctx.slice;
    const story = board.story(ctx.roomId, number);
    if (!story) throw new UserError("board.story.unknown", { number, list: ctx.hint("stories") });
    if (story.approvedAt !== null) throw new UserError("board.story.crossed_already", { number });
    const { text, removed } = crossingText(story.text, ctx.t);
    board.approveStory(ctx.roomId, number, ctx.sender.userId, ctx.now);
    sideOf(ctx.slice, ctx.now, ctx.elsewhere).bus.toAssembly(link, { kind: "board_story", ref: number, text });
    return { number, name: link.assemblyName, text, removed };
  },
  render: (r, view) =>
    doc(
      p(...view.t.t("board.story_approved", { number: r.number, name: r.name, text: excerpt(r.text, EXCERPT) })),
      ...removedNote(r.removed, view),
    ),
});

export const stories = command({
  name: "stories",
  es: "historias",
  group: "federation",
  summary: "board.stories.summary",
  examples: { en: ["stories"], es: ["historias"] },
  level: Level.Member,
  params: {},
  run(_args, ctx) {
    linkedCell(ctx, false);
    return { stories: ctx.slice.board.stories(ctx.roomId, LISTED) };
  },
  render: ({ stories: all }, view) => {
    if (all.length === 0)
      return doc(p(...view.t.t("board.stories.none", { share: view.hint("story share", { text: "…" }) })));
    const items: Inline[][] = all.map((s) =>
      s.approvedAt === null
        ? view.t.t("board.stories.waiting", {
            number: s.number,
            by: s.sharedBy ? view.personOf(s.sharedBy) : view.t.text("board.someone"),
            text: excerpt(s.text, EXCERPT),
            approve: view.hint("story approve", { story: s.number }),
          })
        : view.t.t("board.stories.crossed", {
            number: s.number,
            when: formatWhen(s.approvedAt, view.settings.timezone, view.t.lang, view.now),
            text: excerpt(s.text, EXCERPT),
          }),
    );
    return doc(heading(view.t.text("board.stories.title")), list(items));
  },
});

export const storyCommands = [share, approve, stories];
