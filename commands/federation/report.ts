import type { RenderContext } from "../../src/kernel/command.js";
import { doc, heading, p, type Block, type Doc } from "../../src/kernel/doc.js";
import { monthName } from "../ledger/index.js";
import { aggregateBlocks, gratitudeOpener } from "./render.js";
import type { SharedAggregate } from "./rules/aggregate.js";

export interface Report {
  name: string;
  period: { year: number; month: number };
  cells: { pseudonym: string; shared: SharedAggregate }[];
  total: SharedAggregate;
  /** Cells still looking at their preview. */
  waiting: string[];
  paused: number;
  /** Cells (on other Tandems) that did not answer in time. */
  silent: string[];
  /** The monthly report, which opens the assembly with thanks. */
  final: boolean;
  host?: string | undefined;
  newHost?: string | undefined;
}

/** The assembly's report: only pseudonyms and aggregates, with small numbers hidden. */
export function reportDoc(r: Report, view: RenderContext): Doc {
  const blocks: Block[] = [
    heading(view.t.text("fed.report_title", { name: r.name, month: monthName(r.period, view) })),
  ];
  if (r.final && r.cells.length > 0) blocks.push(...gratitudeOpener(r.total, view));
  if (r.cells.length === 0) blocks.push(p(...view.t.t("fed.report_none", { invite: view.hint("assembly invite") })));
  for (const cell of r.cells)
    blocks.push(...aggregateBlocks([{ kind: "strong", text: cell.pseudonym }], cell.shared, view));
  if (r.cells.length > 1)
    blocks.push(...aggregateBlocks([{ kind: "strong", text: view.t.text("fed.report_total") }], r.total, view));
  if (r.waiting.length > 0) blocks.push(p(...view.t.t("fed.report_waiting", { cells: r.waiting.join(", ") })));
  if (r.silent.length > 0) blocks.push(p(...view.t.t("fed.report_silent", { cells: r.silent.join(", ") })));
  if (r.paused > 0) blocks.push(p(...view.t.t("fed.report_paused", { count: r.paused })));
  if (r.newHost) blocks.push(p(...view.t.t("fed.new_host", { host: r.newHost })));
  else if (r.host) blocks.push(p(...view.t.t("fed.host", { host: r.host })));
  return doc(...blocks);
}
