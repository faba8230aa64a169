import { commandsOf, type CommandContext, type RenderContext } from "../../src/kernel/command.js";
import { doc, list, listing, p, type Block, type Doc } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import type { Person } from "../../src/kernel/invocation.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import { memberKey } from "../../src/kernel/mentions.js";
import { pairLines } from "./posts.js";
import { MAX_SKILL_CHARS, readSkill, skillKey, skillsBoard, type Pair } from "./rules/index.js";
import type { CircleSlice } from "./services.js";

const command = commandsOf<CircleSlice>();
type Ctx = CommandContext<CircleSlice>;
/** Offered and wanted together, per person and room: a list to read at a circle, not a CV. */
const MAX_SKILLS_EACH = 30;

/** Oneself always; someone else only for moderators. */
function whoseSkill(person: Person | undefined, ctx: Ctx): string {
  const who = person ? memberKey(person) : ctx.sender.userId;
  if (who !== ctx.sender.userId && ctx.level < Level.Moderator)
    throw new UserError("skill.only_own", { example: ctx.hint("skill add", { skill: ctx.t.text("skill.example") }) });
  return who;
}

function mustRead(raw: string, ctx: Ctx): string {
  const skill = readSkill(raw);
  if (!skill)
    throw new UserError("skill.bad", {
      max: MAX_SKILL_CHARS,
      example: ctx.hint("skill add", { skill: ctx.t.text("skill.example") }),
    });
  return skill;
}

function roomForMore(who: string, ctx: Ctx): void {
  if (ctx.slice.repo.countOf(ctx.roomId, who) >= MAX_SKILLS_EACH)
    throw new UserError("skill.too_many", {
      max: MAX_SKILLS_EACH,
      remove: ctx.hint("skill remove", { skill: ctx.t.text("skill.example") }),
    });
}

/** The suggestions a change just made possible, mentioning both so either can pass. */
function withPairs(first: Block, pairs: Pair[], view: RenderContext): Doc {
  if (pairs.length === 0) return doc(first);
  return doc(
    first,
    p(...view.t.t("skill.match")),
    list(pairLines(pairs, view)),
    p(...view.t.t("skill.pass_hint", { pass: view.hint("skill pass") })),
  );
}

const skillParam = param.rest({ max: 200 });

export const add = command({
  name: "skill add",
  es: "habilidad añadir",
  aliases: ["habilidad anadir", "skill añadir"],
  group: "skill",
  summary: "skill.add.summary",
  examples: {
    en: ["skill add first aid", "skill add @bo first aid"],
    es: ["habilidad añadir primeros auxilios", "habilidad añadir @bo primeros auxilios"],
  },
  level: Level.Member,
  params: { person: param.person({ optional: true }), skill: skillParam },
  run({ person, skill: raw }, ctx) {
    const who = whoseSkill(person, ctx);
    const skill = mustRead(raw, ctx);
    roomForMore(who, ctx);
    const key = skillKey(skill);
    const added = ctx.slice.repo.addSkill(ctx.roomId, { who, kind: "offer", skill, skillKey: key }, ctx.now);
    return {
      who,
      skill,
      added,
      pairs: ctx.slice.pairs(ctx.roomId).filter((pair) => pair.teacher === who && pair.skillKey === key),
    };
  },
  render: ({ who, skill, added, pairs }, view) =>
    withPairs(p(...view.t.t(added ? "skill.added" : "skill.had", { who: view.personOf(who), skill })), pairs, view),
});

export const want = command({
  name: "skill want",
  es: "habilidad quiero",
  aliases: ["skill quiero", "habilidad want"],
  group: "skill",
  summary: "skill.want.summary",
  examples: { en: ["skill want negotiation"], es: ["habilidad quiero negociación"] },
  level: Level.Member,
  params: { skill: skillParam },
  run({ skill: raw }, ctx) {
    const who = ctx.sender.userId;
    const skill = mustRead(raw, ctx);
    roomForMore(who, ctx);
    const key = skillKey(skill);
    const added = ctx.slice.repo.addSkill(ctx.roomId, { who, kind: "want", skill, skillKey: key }, ctx.now);
    return {
      skill,
      added,
      pairs: ctx.slice.pairs(ctx.roomId).filter((pair) => pair.learner === who && pair.skillKey === key),
    };
  },
  render: ({ skill, added, pairs }, view) =>
    withPairs(p(...view.t.t(added ? "skill.wanted" : "skill.wanted_already", { skill })), pairs, view),
});

export const remove = command({
  name: "skill remove",
  es: "habilidad quitar",
  aliases: ["skill quitar", "habilidad remove"],
  group: "skill",
  summary: "skill.remove.summary",
  examples: {
    en: ["skill remove first aid", "skill remove @bo first aid"],
    es: ["habilidad quitar primeros auxilios", "habilidad quitar @bo primeros auxilios"],
  },
  level: Level.Member,
  params: { person: param.person({ optional: true }), skill: skillParam },
  run({ person, skill: raw }, ctx) {
    const who = whoseSkill(person, ctx);
    const skill = mustRead(raw, ctx);
    return { who, skill, removed: ctx.slice.repo.removeSkill(ctx.roomId, who, skillKey(skill)) > 0 };
  },
  render: ({ who, skill, removed }, view) =>
    doc(
      p(
        ...view.t.t(removed ? "skill.removed" : "skill.not_there", {
          who: view.personOf(who),
          skill,
          list: view.hint("skills"),
        }),
      ),
    ),
});

export const pass = command({
  name: "skill pass",
  es: "habilidad paso",
  aliases: ["skill paso", "habilidad pass"],
  group: "skill",
  summary: "skill.pass.summary",
  examples: { en: ["skill pass"], es: ["habilidad paso"] },
  level: Level.Member,
  params: {},
  // Passing declines every pair suggested to the sender, as teacher or learner; nothing else changes.
  run(_args, ctx) {
    const mine = ctx.slice
      .pairs(ctx.roomId)
      .filter((pair) => pair.teacher === ctx.sender.userId || pair.learner === ctx.sender.userId);
    for (const pair of mine) ctx.slice.repo.pass(ctx.roomId, pair, ctx.now);
    return { count: mine.length };
  },
  render: ({ count }, view) => doc(p(...view.t.t(count > 0 ? "skill.passed" : "skill.nothing_to_pass", { count }))),
});

export const board = command({
  name: "skills",
  es: "habilidades",
  group: "skill",
  summary: "skills.summary",
  examples: { en: ["skills"], es: ["habilidades"] },
  level: Level.Member,
  params: {},
  run: (_args, ctx) => ({ board: skillsBoard(ctx.slice.repo.skills(ctx.roomId)), pairs: ctx.slice.pairs(ctx.roomId) }),
  render({ board, pairs }, view) {
    const { t } = view;
    if (board.length === 0)
      return doc(
        p(
          ...t.t("skills.none", {
            add: view.hint("skill add", { skill: t.text("skill.example") }),
            want: view.hint("skill want", { skill: t.text("skill.example.want") }),
          }),
        ),
      );
    const names = (keys: string[]) => keys.map((k) => view.personOf(k).name).join(", ");
    const lines = board.map((row) =>
      t.t(
        row.offers.length === 0
          ? "skills.line.wanted"
          : row.wants.length === 0
            ? "skills.line.offered"
            : "skills.line.both",
        { skill: row.skill, offers: names(row.offers), wants: names(row.wants) },
      ),
    );
    const blocks: Block[] = [p(...t.t("skills.title")), list(lines)];
    if (pairs.length > 0) blocks.push(p(...t.t("skill.match")), list(pairLines(pairs, view)));
    return listing(doc(...blocks));
  },
});

export const skillCommands = [add, want, remove, pass, board];
