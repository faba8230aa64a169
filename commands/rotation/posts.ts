import { doc, heading, p, type Block } from "../../src/kernel/doc.js";
import type { PostHandler } from "../../src/kernel/scheduler/post.js";
import { handoverBlocks, rolesBlock } from "./render.js";
import { planTerms, type Handover } from "./rules/index.js";
import type { RotationSlice } from "./services.js";

/** The weekly post: this week's holders (as mentions), who comes next, and any handover. */
export const announceRotation: PostHandler<RotationSlice> = (ctx) => {
  const { job, now, t, slice } = ctx;
  const { state, calendar } = slice.current(job.roomId, ctx.jobs, ctx.settings.timezone, now);
  if (!state.roles.some((r) => r.holder !== null)) return null;
  const blocks: Block[] = [
    heading({ kind: "strong", text: t.text("rotation.announce.title") }),
    rolesBlock(planTerms(state, now, calendar, 2), ctx),
  ];
  // Read from history rather than from this advance: a command may have advanced the rotation first.
  const since = job.lastRunUtc ?? job.createdAt;
  const ended = state.history.filter((h) => h.ended === "term" && h.toUtc > since && h.toUtc <= now);
  // After downtime a role may have changed hands more than once; name only its latest handover.
  const latestPerRole = ended.filter((h, i) => !ended.slice(i + 1).some((later) => later.role === h.role));
  const changes = latestPerRole.flatMap((h): Handover[] => {
    const role = state.roles.find((r) => r.name === h.role);
    return role ? [{ role: h.role, from: h.member, to: role.holder, atUtc: h.toUtc, reason: "term" }] : [];
  });
  blocks.push(...handoverBlocks(changes, ctx));
  blocks.push(
    p(...t.t("rotation.announce.closing", { skip: ctx.hint("rotation skip", { role: `<${t.text("arg.role")}>` }) })),
  );
  return doc(...blocks);
};
