import { doc, list, p, type Doc, type Inline } from "../../src/kernel/doc.js";
import type { RenderContext } from "../../src/kernel/command.js";
import type { PostContext, PostHandler } from "../../src/kernel/scheduler/post.js";
import { formatWhen } from "../../src/kernel/time/format.js";
import { nextHost, type Pair } from "./rules/index.js";
import type { CircleSlice } from "./services.js";

export const INVITE_KIND = "circle.invite";
/** The invitation comes an hour before the circle. */
export const INVITE_LEAD_MINUTES = 60;

/** "Bo could teach first aid to Ana": both mentioned, so either can pass. */
export function pairLines(pairs: readonly Pair[], view: RenderContext): Inline[][] {
  return pairs.map((pair) =>
    view.t.t("skill.pair", {
      teacher: view.personOf(pair.teacher),
      learner: view.personOf(pair.learner),
      skill: pair.skill,
    }),
  );
}

/**
 * The invitation: who hosts (their turn is taken now), the format, and who could teach what.
 * It never asks for, nor keeps, the stories themselves.
 */
const invite = (ctx: PostContext<CircleSlice>): Doc => {
  const { repo } = ctx.slice;
  const roomId = ctx.job.roomId;
  const at = formatWhen(ctx.scheduledFor + INVITE_LEAD_MINUTES * 60_000, ctx.settings.timezone, ctx.t.lang, ctx.now);
  const host = nextHost(repo.members(roomId));
  if (!host) return doc(p(...ctx.t.t("circle.invite.nobody", { when: at, join: ctx.hint("circle join") })));
  repo.hosted(roomId, host.userId, ctx.scheduledFor);
  const pairs = ctx.slice.pairs(roomId);
  return doc(
    p(...ctx.t.t("circle.invite", { when: at, host: ctx.personOf(host.userId) })),
    p(...ctx.t.t("circle.format")),
    ...(pairs.length > 0
      ? [
          p(...ctx.t.t("circle.invite.pairs")),
          list(pairLines(pairs, ctx)),
          p(...ctx.t.t("skill.pass_hint", { pass: ctx.hint("skill pass") })),
        ]
      : []),
    p(...ctx.t.t("circle.invite.private")),
  );
};

export const circlePosts: Readonly<Record<string, PostHandler<CircleSlice>>> = { [INVITE_KIND]: invite };
