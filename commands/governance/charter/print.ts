import { DateTime } from "luxon";
import { commandsOf, type RenderContext } from "../../../src/kernel/command.js";
import { doc, p, type Doc } from "../../../src/kernel/doc.js";
import { UserError } from "../../../src/kernel/errors.js";
import { Level } from "../../../src/kernel/level.js";
import { param } from "../../../src/kernel/params.js";
import { PRINT_SIZES, readPrintOptions, unknownSize, type PrintOptions } from "../../../src/platform/print/options.js";
import { renderPdf, type PrintBlock } from "../../../src/platform/print/pdf.js";
import type { GovernanceSlice } from "../services.js";
import type { Article } from "./repository.js";

const command = commandsOf<GovernanceSlice>();

const isoDay = (ms: number, view: RenderContext) =>
  DateTime.fromMillis(ms, { zone: view.settings.timezone }).toISODate() ?? "";
const longDate = (ms: number, view: RenderContext) =>
  DateTime.fromMillis(ms, { zone: view.settings.timezone }).setLocale(view.t.lang).toLocaleString(DateTime.DATE_FULL);

/** The charter for the wall: every article numbered, its title and text, the date and version. */
function sheet(articles: Article[], version: number, options: PrintOptions, view: RenderContext): PrintBlock[] {
  const blocks: PrintBlock[] = [{ kind: "title", text: view.t.text("charter.print.title") }];
  if (options.roomName) blocks.push({ kind: "subtitle", text: options.roomName });
  blocks.push({
    kind: "subtitle",
    text: view.t.text("charter.print.version", { version, date: longDate(view.now, view) }),
  });
  for (const a of articles)
    blocks.push({ kind: "item", number: a.number, text: a.title, ...(a.body ? { note: a.body } : {}) });
  return blocks;
}

export const print = command({
  name: "charter print",
  es: "carta imprimir",
  aliases: ["charter pdf", "carta pdf"],
  group: "charter",
  summary: "charter.print.summary",
  examples: {
    en: ["charter print", "charter print a4", "charter print anonymous"],
    es: ["carta imprimir", "carta imprimir a4", "carta imprimir anónima"],
  },
  level: Level.Member,
  params: { sheet: param.rest({ max: 200, optional: true }) },
  run({ sheet: words }, ctx) {
    const odd = unknownSize(words ?? "");
    if (odd) throw new UserError("print.size_unknown", { found: odd, sizes: PRINT_SIZES.join(", ") });
    const articles = ctx.slice.charter.current(ctx.roomId);
    return { options: readPrintOptions(words ?? ""), articles, version: ctx.slice.charter.changes(ctx.roomId) };
  },
  render({ options, articles, version }, view): Doc | Doc[] {
    if (articles.length === 0) return doc(p(...view.t.t("charter.empty", { start: view.hint("charter start") })));
    const fileName = `${view.t.text("charter.print.file")}-${isoDay(view.now, view)}.pdf`;
    const pdf = renderPdf({
      size: options.size,
      title: view.t.text("charter.print.title"),
      blocks: sheet(articles, version, options, view),
    });
    const other = options.size === "A3" ? "a4" : "a3";
    const intro = doc(
      p(...view.t.t("charter.print.ready", { count: articles.length, size: options.size, version })),
      options.anonymous
        ? p(
            ...view.t.t("charter.print.hint_other", {
              other: view.hint("charter print", { sheet: `${other} ${view.t.text("charter.print.anonymous_word")}` }),
            }),
          )
        : p(
            ...view.t.t("charter.print.hint", {
              other: view.hint("charter print", { sheet: other }),
              anonymous: view.hint("charter print", { sheet: view.t.text("charter.print.anonymous_word") }),
            }),
          ),
    );
    return [
      intro,
      { ...doc(p(fileName)), attachment: { fileName, mimeType: "application/pdf", base64: pdf.toString("base64") } },
    ];
  },
});
