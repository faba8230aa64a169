import {
  type Block,
  type CommandContext,
  commandsOf,
  doc,
  Level,
  list,
  orRefuse,
  p,
  param,
  type RenderContext,
  UserError,
} from "../../../src/kernel/authoring.js";
import { formatDay } from "../../../src/kernel/time/format.js";
import type { Article } from "./repository.js";
import { articleLine, firstLine } from "./rules/article-text.js";
import { SKELETON } from "./rules/skeleton.js";
import { CLOSE_KIND } from "../commands.js";
import { nextMeetingEnd } from "../../meetings/index.js";
import { deadlineOf } from "../deadline.js";
import { proposalRef, renderOpened } from "../render.js";
import type { GovernanceSlice } from "../services.js";
import { sameCharterChange, type CharterChange } from "./change.js";
import { print } from "./print.js";
import { readArticle } from "./rules/article-text.js";

const command = commandsOf<GovernanceSlice>();
type Ctx = CommandContext<GovernanceSlice>;

const day = (utcMs: number, view: RenderContext) => formatDay(utcMs, view.settings.timezone, view.t.lang, view.now);

function mustGet(number: number, ctx: Ctx): Article {
  return orRefuse(
    ctx.slice.charter.get(ctx.roomId, number),
    () =>
      new UserError(ctx.slice.charter.started(ctx.roomId) ? "charter.unknown" : "charter.none", {
        n: number,
        list: ctx.hint("charter"),
        start: ctx.hint("charter start"),
      }),
  );
}

/** The charter in short: numbered titles and first lines, and how many notes wait. */
function overview(articles: Article[], openNotes: number, view: RenderContext): Block[] {
  const blocks: Block[] = [
    p(...view.t.t("charter.title")),
    list(
      articles.map((a) => [
        { kind: "strong", text: `${a.number}. ${a.title}` },
        a.body ? ` — ${firstLine(a.body)}` : "",
      ]),
    ),
  ];
  if (openNotes > 0) blocks.push(p(...view.t.t("charter.notes_waiting", { count: openNotes })));
  const first = articles[0]?.number ?? 1;
  blocks.push(
    p(
      ...view.t.t("charter.more", {
        show: view.hint("charter show", { article: first }),
        note: view.hint("charter note", { article: first, text: "…" }),
        amend: view.hint("charter amend", { article: first, text: "…" }),
      }),
    ),
  );
  return blocks;
}

export const show = command({
  name: "charter",
  es: "carta",
  group: "charter",
  summary: "charter.summary",
  examples: { en: ["charter"], es: ["carta"] },
  level: Level.Member,
  params: {},
  run: (_args, ctx) => ({
    articles: ctx.slice.charter.current(ctx.roomId),
    openNotes: ctx.slice.charter.openNotesCount(ctx.roomId),
  }),
  render({ articles, openNotes }, view) {
    if (articles.length === 0) return doc(p(...view.t.t("charter.empty", { start: view.hint("charter start") })));
    return doc(...overview(articles, openNotes, view));
  },
});

export const showArticle = command({
  name: "charter show",
  es: "carta #",
  aliases: ["charter #", "carta ver"],
  group: "charter",
  summary: "charter.show.summary",
  examples: { en: ["charter 3"], es: ["carta 3"] },
  level: Level.Member,
  params: { article: param.int() },
  run({ article: number }, ctx) {
    const article = mustGet(number, ctx);
    return { article, notes: ctx.slice.charter.openNotes(article) };
  },
  render({ article, notes }, view) {
    const blocks: Block[] = [
      p({ kind: "strong", text: `${article.number}. ${article.title}` }),
      ...(article.body ? [p(article.body)] : []),
    ];
    if (notes.length > 0)
      blocks.push(
        p(...view.t.t("charter.notes")),
        list(notes.map((n) => view.t.t("charter.note_line", { text: n.text, day: day(n.writtenAt, view) }))),
      );
    blocks.push(
      p(...view.t.t("charter.history_hint", { history: view.hint("charter history", { article: article.number }) })),
    );
    return doc(...blocks);
  },
});

export const start = command({
  name: "charter start",
  es: "carta iniciar",
  aliases: ["carta comenzar", "carta empezar"],
  group: "charter",
  summary: "charter.start.summary",
  examples: { en: ["charter start"], es: ["carta iniciar"] },
  level: Level.Moderator,
  params: {},
  run(_args, ctx) {
    if (ctx.slice.charter.started(ctx.roomId)) throw new UserError("charter.already", { list: ctx.hint("charter") });
    // The draft is written in the room's language; the cell rewrites it article by article.
    const articles = SKELETON.map((key) =>
      ctx.slice.charter.add(
        ctx.roomId,
        { title: ctx.t.text(`charter.skeleton.${key}.title`), body: ctx.t.text(`charter.skeleton.${key}.body`) },
        "start",
        null,
        ctx.now,
      ),
    );
    return { articles };
  },
  render: ({ articles }, view) => doc(p(...view.t.t("charter.started")), ...overview(articles, 0, view)),
});

export const note = command({
  name: "charter note",
  es: "carta nota",
  group: "charter",
  summary: "charter.note.summary",
  examples: {
    en: ["charter note 3 we should say who keeps the keys"],
    es: ["carta nota 3 deberíamos decir quién guarda las llaves"],
  },
  level: Level.Member,
  params: { article: param.int(), text: param.rest({ max: 500 }) },
  run({ article: number, text }, ctx) {
    const article = mustGet(number, ctx);
    ctx.slice.charter.note(article, text.replace(/\s+/g, " ").trim(), ctx.sender.userId, ctx.now);
    return { article };
  },
  render: ({ article }, view) =>
    doc(
      p(
        ...view.t.t("charter.noted", {
          n: article.number,
          title: article.title,
          show: view.hint("charter show", { article: article.number }),
        }),
      ),
    ),
});

export const history = command({
  name: "charter history",
  es: "carta historia",
  group: "charter",
  summary: "charter.history.summary",
  examples: { en: ["charter history 3"], es: ["carta historia 3"] },
  level: Level.Member,
  params: { article: param.int() },
  run({ article: number }, ctx) {
    const article = ctx.slice.charter.ever(ctx.roomId, number);
    if (!article) throw new UserError("charter.unknown", { n: number, list: ctx.hint("charter") });
    return { article, versions: ctx.slice.charter.versions(article) };
  },
  render({ article, versions }, view) {
    const line = (v: (typeof versions)[number]) =>
      view.t.t(v.decision === null ? `charter.version.${v.change}` : `charter.version.${v.change}.decided`, {
        day: day(v.changedAt, view),
        decision: v.decision ?? 0,
        text: articleLine(v),
      });
    return doc(
      p(...view.t.t("charter.history", { n: article.number, title: article.title })),
      list(versions.map(line)),
    );
  },
});

/**
 * A change to the charter is a consent proposal, revised in an open meeting: it closes at the end of
 * the next scheduled meeting (or in 48 hours when none is planned, or when "until …" says).
 */
function proposeChange(
  change: CharterChange,
  question: string,
  until: string | undefined,
  ctx: CommandContext<GovernanceSlice, "jobs" | "room">,
) {
  if (ctx.room.direct) throw new UserError("proposal.in_room");
  const twin = ctx.slice.repo
    .open(ctx.roomId)
    .find((open) => open.charterChange !== null && sameCharterChange(open.charterChange, change));
  if (twin)
    throw new UserError("charter.same_open", { n: twin.number, show: ctx.hint("proposal", { proposal: twin.number }) });
  const meetingEnd = until === undefined ? nextMeetingEnd(ctx.jobs) : undefined;
  const closesAt = deadlineOf(until ?? (meetingEnd !== undefined ? "meeting" : undefined), ctx);
  const proposal = ctx.slice.open({
    roomId: ctx.roomId,
    question,
    options: [],
    maxChoices: 1,
    secret: false,
    proposer: ctx.sender.userId,
    openedAt: ctx.now,
    closesAt,
    eligible: ctx.room.people().map((m) => m.userId),
    charterChange: change,
  });
  ctx.jobs.schedule({
    kind: CLOSE_KIND,
    rule: { kind: "once", at: closesAt },
    ref: proposalRef(proposal.number),
    payload: { proposal: proposal.number },
  });
  return proposal;
}

/** "… until friday 18:00" at the end of an article's new text sets the proposal's deadline. */
function splitUntil(text: string): { text: string; until?: string } {
  const at = / (until|hasta) /iu.exec(text);
  return at ? { text: text.slice(0, at.index).trim(), until: text.slice(at.index + 1).trim() } : { text };
}

function articleOrRefuse(raw: string, ctx: Ctx) {
  const read = readArticle(raw);
  if (!read.ok)
    throw new UserError("charter.article_empty", {
      example: ctx.hint("charter add", { text: ctx.t.text("charter.article_example") }),
    });
  return read.value;
}

export const amend = command({
  name: "charter amend",
  es: "carta enmendar",
  group: "charter",
  summary: "charter.amend.summary",
  examples: {
    en: ["charter amend 3 Rotating roles: every role changes hands each month"],
    es: ["carta enmendar 3 Roles rotativos: cada rol cambia de manos cada mes"],
  },
  level: Level.Member,
  params: { article: param.int(), text: param.rest({ max: 1500 }) },
  uses: ["jobs", "room"],
  run({ article: number, text }, ctx) {
    const article = mustGet(number, ctx);
    const { text: wording, until } = splitUntil(text);
    const next = articleOrRefuse(wording, ctx);
    const question = ctx.t.text("charter.question.amend", {
      n: article.number,
      title: article.title,
      text: articleLine(next),
    });
    return proposeChange({ change: "amend", article: article.number, ...next }, question, until, ctx);
  },
  render: renderOpened,
});

export const add = command({
  name: "charter add",
  es: "carta añadir",
  aliases: ["carta anadir"],
  group: "charter",
  summary: "charter.add.summary",
  examples: {
    en: ["charter add Money: the fund keeper reports at every meeting"],
    es: ["carta añadir Dinero: quien guarda la caja informa en cada reunión"],
  },
  level: Level.Member,
  params: { text: param.rest({ max: 1500 }) },
  uses: ["jobs", "room"],
  run({ text }, ctx) {
    if (!ctx.slice.charter.started(ctx.roomId))
      throw new UserError("charter.none", { start: ctx.hint("charter start") });
    const { text: wording, until } = splitUntil(text);
    const next = articleOrRefuse(wording, ctx);
    return proposeChange(
      { change: "add", ...next },
      ctx.t.text("charter.question.add", { text: articleLine(next) }),
      until,
      ctx,
    );
  },
  render: renderOpened,
});

export const remove = command({
  name: "charter remove",
  es: "carta quitar",
  group: "charter",
  summary: "charter.remove.summary",
  examples: { en: ["charter remove 4"], es: ["carta quitar 4"] },
  level: Level.Member,
  params: { article: param.int(), until: param.rest({ max: 60, optional: true }) },
  uses: ["jobs", "room"],
  run({ article: number, until }, ctx) {
    const article = mustGet(number, ctx);
    const deadline = until?.replace(/^(until|hasta)\s+/iu, "");
    return proposeChange(
      { change: "remove", article: article.number },
      ctx.t.text("charter.question.remove", { n: article.number, title: article.title }),
      deadline,
      ctx,
    );
  },
  render: renderOpened,
});

export const charterCommands = [show, showArticle, start, note, history, amend, add, remove, print];
