import { DateTime } from "luxon";
import { commandsOf, type RenderContext } from "../../src/kernel/command.js";
import { csvChunks, toCsv } from "../../src/kernel/csv.js";
import { doc, list, p, pre, type Doc } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import { PRINT_SIZES, readPrintOptions, unknownSize, type PrintOptions } from "../../src/platform/print/options.js";
import { renderPdf, type PrintBlock } from "../../src/platform/print/pdf.js";
import { day, decisionLine, reviewDay } from "./render.js";
import type { Decision } from "./repository.js";
import { matchesSearch } from "./rules/decision-text.js";
import type { DecisionSlice } from "./services.js";

const command = commandsOf<DecisionSlice>();

const LATEST = 10;

/** A list of decisions, newest first, shortened with a pointer to the whole log. */
function listed(found: Decision[], total: number, empty: Doc, view: Parameters<typeof decisionLine>[1]): Doc {
  if (found.length === 0) return empty;
  const shown = found.slice(0, LATEST);
  const blocks = [list(shown.map((d) => decisionLine(d, view)))];
  if (total > shown.length)
    blocks.push(
      p(...view.t.t("decisions.more", { count: total - shown.length, export: view.hint("decisions export") })),
    );
  return doc(...blocks);
}

export const latest = command({
  name: "decisions",
  es: "decisiones",
  group: "decision",
  summary: "decisions.summary",
  examples: { en: ["decisions", "decisions #meetings"], es: ["decisiones", "decisiones #reuniones"] },
  level: Level.Member,
  params: { tag: param.word({ max: 41, optional: true }) },
  run({ tag }, ctx) {
    if (tag !== undefined && !/^#\S+$/u.test(tag))
      throw new UserError("decisions.tag_expected", {
        found: tag,
        search: ctx.hint("decisions search", { words: tag }),
      });
    const wanted = tag?.slice(1).toLocaleLowerCase();
    const all = wanted
      ? ctx.slice.log
          .all(ctx.roomId)
          .filter((d) => d.tags.includes(wanted))
          .reverse()
      : ctx.slice.log.latest(ctx.roomId, LATEST);
    return { found: all, total: wanted ? all.length : ctx.slice.log.count(ctx.roomId), tag };
  },
  render({ found, total, tag }, view) {
    const empty = doc(
      p(
        ...view.t.t(tag ? "decisions.none_tagged" : "decisions.none", {
          tag: tag ?? "",
          example: view.hint("decision", { text: view.t.text("decision.example") }),
        }),
      ),
    );
    return listed(found, total, empty, view);
  },
});

export const search = command({
  name: "decisions search",
  es: "decisiones buscar",
  group: "decision",
  summary: "decisions.search.summary",
  examples: { en: ["decisions search overtime"], es: ["decisiones buscar horas extra"] },
  level: Level.Member,
  params: { words: param.rest({ max: 100 }) },
  run({ words }, ctx) {
    const found = ctx.slice.log
      .all(ctx.roomId)
      .filter((d) => matchesSearch(`${d.text} ${d.tags.join(" ")}`, words))
      .reverse();
    return { found, words };
  },
  render: ({ found, words }, view) =>
    listed(found, found.length, doc(p(...view.t.t("decisions.search.none", { words }))), view),
});

const CSV_HEADER = [
  "number",
  "recorded_at",
  "text",
  "tags",
  "plan",
  "recorded_by",
  "status",
  "revoked_at",
  "revoked_reason",
  "review_on",
];

export const exportLog = command({
  name: "decisions export",
  es: "decisiones exportar",
  group: "decision",
  summary: "decisions.export.summary",
  examples: { en: ["decisions export"], es: ["decisiones exportar"] },
  level: Level.Member,
  params: {},
  run(_args, ctx) {
    const all = ctx.slice.log.all(ctx.roomId);
    const rows = all.map((d) => [
      String(d.number),
      new Date(d.recordedAt).toISOString(),
      d.text,
      d.tags.map((tag) => `#${tag}`).join(" "),
      d.plan === null ? "" : String(d.plan),
      d.recordedBy,
      d.revoked ? "revoked" : "active",
      d.revoked ? new Date(d.revoked.at).toISOString() : "",
      d.revoked?.reason ?? "",
      d.reviewOn ?? "",
    ]);
    return { count: all.length, parts: all.length === 0 ? [] : csvChunks(toCsv(CSV_HEADER, rows)) };
  },
  render({ count, parts }, view) {
    if (count === 0)
      return doc(
        p(...view.t.t("decisions.none", { example: view.hint("decision", { text: view.t.text("decision.example") }) })),
      );
    return parts.map(
      (part, i): Doc =>
        doc(
          p(
            ...view.t.t(parts.length === 1 ? "decisions.export.intro" : "decisions.export.part", {
              count,
              part: i + 1,
              parts: parts.length,
            }),
          ),
          pre(part.replace(/\r\n/g, "\n").trimEnd()),
        ),
    );
  },
});

/** A wall sheet holds the decisions in force; past this many it prints the newest (the rest stay in the log). */
const MAX_PRINTED = 150;

const longDate = (ms: number, view: RenderContext) =>
  DateTime.fromMillis(ms, { zone: view.settings.timezone }).setLocale(view.t.lang).toLocaleString(DateTime.DATE_FULL);

function sheetBlocks(decisions: Decision[], options: PrintOptions, view: RenderContext): PrintBlock[] {
  const blocks: PrintBlock[] = [{ kind: "title", text: view.t.text("decisions.print.title") }];
  if (options.roomName) blocks.push({ kind: "subtitle", text: options.roomName });
  blocks.push({ kind: "subtitle", text: view.t.text("decisions.print.date", { date: longDate(view.now, view) }) });
  for (const d of decisions) {
    const tags = d.tags.map((tag) => `#${tag}`).join(" ");
    const who = options.anonymous || !d.recordedBy ? undefined : view.personOf(d.recordedBy).name;
    const recorded = who
      ? view.t.text("decisions.print.note_by", { day: day(d.recordedAt, view), who })
      : day(d.recordedAt, view);
    const note =
      d.reviewOn === null
        ? recorded
        : view.t.text("decisions.print.note_review", { note: recorded, day: reviewDay(d.reviewOn, view) });
    blocks.push({ kind: "item", number: d.number, text: tags ? `${d.text} ${tags}` : d.text, note });
  }
  return blocks;
}

export const print = command({
  name: "decisions print",
  es: "decisiones imprimir",
  aliases: ["decisions pdf", "decisiones pdf"],
  group: "decision",
  summary: "decisions.print.summary",
  examples: {
    en: ["decisions print", "decisions print a4", "decisions print anonymous", "decisions print Warehouse committee"],
    es: [
      "decisiones imprimir",
      "decisiones imprimir a4",
      "decisiones imprimir anónimo",
      "decisiones imprimir Comité del almacén",
    ],
  },
  level: Level.Member,
  params: { sheet: param.rest({ max: 200, optional: true }) },
  run({ sheet: words }, ctx) {
    const odd = unknownSize(words ?? "");
    if (odd) throw new UserError("print.size_unknown", { found: odd, sizes: PRINT_SIZES.join(", ") });
    const inForce = ctx.slice.log.all(ctx.roomId).filter((d) => !d.revoked);
    return { options: readPrintOptions(words ?? ""), decisions: inForce.slice(-MAX_PRINTED), total: inForce.length };
  },
  render({ options, decisions, total }, view): Doc | Doc[] {
    if (decisions.length === 0)
      return doc(
        p(...view.t.t("decisions.none", { example: view.hint("decision", { text: view.t.text("decision.example") }) })),
      );
    const fileName = `${view.t.text("decisions.print.file")}-${DateTime.fromMillis(view.now, { zone: view.settings.timezone }).toISODate()}.pdf`;
    const pdf = renderPdf({
      size: options.size,
      title: view.t.text("decisions.print.title"),
      blocks: sheetBlocks(decisions, options, view),
    });
    const other = options.size === "A3" ? "a4" : "a3";
    const intro = doc(
      p(...view.t.t("decisions.print.ready", { count: decisions.length, size: options.size })),
      ...(total > decisions.length
        ? [p(...view.t.t("decisions.print.newest", { count: decisions.length, total }))]
        : []),
      p(
        ...view.t.t(options.anonymous ? "decisions.print.hint_named" : "decisions.print.hint", {
          other: view.hint("decisions print", { sheet: other }),
          anonymous: view.hint("decisions print", { sheet: view.t.text("decisions.print.anonymous_word") }),
          named: view.hint("decisions print"),
        }),
      ),
    );
    const file = {
      ...doc(p(fileName)),
      attachment: { fileName, mimeType: "application/pdf", base64: pdf.toString("base64") },
    };
    return [intro, file];
  },
});
