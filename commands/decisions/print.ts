import { DateTime } from "luxon";
import { commandsOf, type RenderContext } from "../../src/kernel/command.js";
import { doc, p, type Doc } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import { PRINT_SIZES, readPrintOptions, unknownSize, type PrintOptions } from "../../src/platform/print/options.js";
import { renderPdf, type PrintBlock } from "../../src/platform/print/pdf.js";
import { day, reviewDay } from "./render.js";
import type { Decision } from "./repository.js";
import type { DecisionSlice } from "./services.js";

const command = commandsOf<DecisionSlice>();

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
