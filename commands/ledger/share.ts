import { commandsOf, type RenderContext } from "../../src/kernel/command.js";
import { csvChunks } from "../../src/kernel/csv.js";
import { doc, p, pre, type Doc } from "../../src/kernel/doc.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import { digestDoc, monthDigest, monthName } from "./read.js";
import { posterAttachment } from "./poster-image.js";
import { kindName, quantityText, thanksExample } from "./render.js";
import { toCsv, type Digest, type MonthPeriod } from "./rules/index.js";
import { layoutPoster } from "./rules/poster-layout.js";
import type { LedgerSlice } from "./services.js";

const command = commandsOf<LedgerSlice>();

export const exportLedger = command({
  name: "ledger export",
  es: "registro exportar",
  aliases: ["ledger exportar"],
  group: "ledger",
  summary: "ledger.export.summary",
  examples: { en: ["ledger export"], es: ["registro exportar"] },
  level: Level.Member,
  params: {},
  run(_args, ctx) {
    const entries = ctx.slice.all(ctx.roomId);
    return { count: entries.length, parts: entries.length === 0 ? [] : csvChunks(toCsv(entries)) };
  },
  render({ count, parts }, view) {
    if (count === 0) return doc(p(...view.t.t("ledger.export.empty")));
    return parts.map(
      (part, i): Doc =>
        doc(
          p(
            ...view.t.t(parts.length === 1 ? "ledger.export.intro" : "ledger.export.part", {
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

const pad = (n: number) => String(n).padStart(2, "0");
/** A poster line starts with a capital ("Food: 40 meals"); the digest keeps the kinds in lower case. */
const capitalised = (text: string, lang: string) => text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);

/**
 * The month's care poster: one image (two for a crowded month), every giver named in the same size,
 * alphabetically. The first image's alternative text is the month's digest, so nobody needs to see
 * it to hear it; a continued image lists its own names. Null when nobody was thanked that month.
 */
export function posterDocs(period: MonthPeriod, digest: Digest, view: RenderContext): Doc[] | null {
  if (digest.entryCount === 0) return null;
  const { t } = view;
  const month = monthName(period, view);
  const kinds = digest.kinds.map((kind) =>
    t.text("ledger.poster.kind", {
      kind: capitalised(kindName(kind.kind, view), view.settings.language),
      totals:
        kind.totals.length > 0
          ? kind.totals.map((q) => quantityText(q, view)).join(", ")
          : t.text("ledger.poster.count", { count: kind.entryCount }),
    }),
  );
  const names = digest.givers.map((giver) => giver.name);
  const pages = layoutPoster({
    title: t.text("ledger.poster.title", { month }),
    subtitle: t.text("ledger.poster.subtitle"),
    kinds,
    namesHeading: t.text("ledger.poster.names"),
    names,
    lang: view.settings.language,
    continued: (page, pages) => t.text("ledger.poster.continued", { page, pages }),
  });
  const base = `care-poster-${period.year}-${pad(period.month)}`;
  const digestText = digestDoc(t.t("ledger.month.title", { month }), digest, view);
  return pages.map((page, i) => {
    const attachment = posterAttachment(page, pages.length === 1 ? `${base}.png` : `${base}-${i + 1}.png`);
    if (i === 0) return { ...digestText, attachment };
    return {
      ...doc(
        p(
          t.text("ledger.poster.continued_alt", {
            month,
            page: i + 1,
            pages: pages.length,
            names: page.names.join(", "),
          }),
        ),
      ),
      attachment,
    };
  });
}

export const poster = command({
  name: "ledger poster",
  es: "registro cartel",
  aliases: ["ledger cartel"],
  group: "ledger",
  summary: "ledger.poster.summary",
  examples: { en: ["ledger poster", "ledger poster 2026-11"], es: ["registro cartel", "registro cartel 2026-11"] },
  level: Level.Member,
  params: { month: param.word({ max: 20, optional: true }) },
  run: ({ month }, ctx) => monthDigest(month, ctx),
  render({ period, digest }, view) {
    const docs = posterDocs(period, digest, view);
    if (docs) return docs;
    return doc(
      p(...view.t.t("ledger.poster.empty", { month: monthName(period, view), example: thanksExample("…", view) })),
    );
  },
});
