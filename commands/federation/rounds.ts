import type { Doc } from "../../src/kernel/doc.js";
import { nextMeetingAt } from "../meetings/index.js";
import { reportDoc, type Report } from "./report.js";
import { sumShared } from "./rules/aggregate.js";
import type { Side } from "./side.js";

export const ROUND_DUE_KIND = "federation.round_due";
/** How long a report waits for cells on other Tandems: an on-demand one briefly, the monthly one for hours. */
const WAIT_MS = { onDemand: 10 * 60_000, monthly: 6 * 3_600_000 };
const roundRef = (id: number) => `fedround:${id}`;

/** Rounds being started in this very transaction: their local answers must not close them half-asked. */
const starting = new Set<number>();

export interface Period {
  year: number;
  month: number;
  start: number;
  end: number;
}

/**
 * Asks every cell of the assembly for its figures of `period` (up to `to`). Cells of this Tandem
 * answer at once; when all did, the report is returned. Otherwise the report is posted when the
 * last answer arrives, or when the wait is over with what came.
 */
export function startRound(
  side: Side,
  assemblyRoom: string,
  period: Period,
  to: number,
  final: boolean,
): { report: Doc[]; waitingFor: number } {
  const { repo } = side.slice;
  const cells = repo.cells(assemblyRoom);
  const hall = side.elsewhere(assemblyRoom);
  const dueAt = side.now + (final ? WAIT_MS.monthly : WAIT_MS.onDemand);
  const id = repo.addRound({
    assemblyRoom,
    year: period.year,
    month: period.month,
    from: period.start,
    to,
    final,
    dueAt,
  });
  starting.add(id);
  try {
    for (const cell of cells) repo.expectAnswer(id, cell.cellId);
    for (const cell of cells)
      side.bus.toCell(cell, {
        kind: "request",
        round: id,
        year: period.year,
        month: period.month,
        from: period.start,
        to,
      });
  } finally {
    starting.delete(id);
  }
  const waitingFor = repo.answers(id).filter((a) => a.state === null).length;
  if (waitingFor === 0) return { report: finishRound(side, id), waitingFor };
  hall.jobs.schedule({
    kind: ROUND_DUE_KIND,
    rule: { kind: "once", at: dueAt },
    ref: roundRef(id),
    payload: { round: id },
  });
  return { report: [], waitingFor };
}

/** After an answer arrived: posts the report once every cell asked has answered. */
export function closeIfComplete(side: Side, roundId: number): void {
  if (starting.has(roundId)) return;
  const { repo } = side.slice;
  const round = repo.round(roundId);
  if (!round || round.postedAt !== null || repo.answers(roundId).some((a) => a.state === null)) return;
  const hall = side.elsewhere(round.assemblyRoom);
  for (const report of finishRound(side, roundId)) hall.post(report);
}

/**
 * The round's report, once: each answering cell under its pseudonym, the total of what they
 * showed, who is still looking at their preview, who did not answer. After the monthly report
 * hosting passes on and every cell hears who hosts next.
 */
export function finishRound(side: Side, roundId: number): Doc[] {
  const { repo } = side.slice;
  const round = repo.round(roundId);
  if (!round || !repo.postRound(roundId, side.now)) return [];
  const hall = side.elsewhere(round.assemblyRoom);
  hall.jobs.deleteByRef(roundRef(roundId));
  const cells = new Map(repo.cells(round.assemblyRoom).map((c) => [c.cellId, c]));
  const answers = repo.answers(roundId).filter((a) => cells.has(a.cellId));
  const named = (state: string | null) =>
    answers.filter((a) => a.state === state).map((a) => cells.get(a.cellId)!.pseudonym);
  const sent = answers
    .filter((a) => a.state === "sent" && a.figures)
    .map((a) => ({ pseudonym: cells.get(a.cellId)!.pseudonym, shared: a.figures! }));
  let newHost: string | undefined;
  if (round.final) {
    const next = side.slice.rotateHost(round.assemblyRoom, side.now);
    newHost = next?.pseudonym;
    if (next) {
      const meetingAt = nextMeetingAt(hall.jobs);
      const everyone = [...cells.values()].map((c) => c.pseudonym);
      for (const cell of cells.values())
        side.bus.toCell(cell, { kind: "announce", host: next.pseudonym, cells: everyone, meetingAt });
    }
  }
  const report: Report = {
    name: repo.assembly(round.assemblyRoom)?.name ?? "",
    period: { year: round.year, month: round.month },
    cells: sent,
    total: sumShared(sent.map((s) => s.shared)),
    waiting: named("waiting"),
    paused: named("paused").length,
    silent: named(null),
    final: round.final,
    host: side.slice.host(round.assemblyRoom),
    ...(newHost ? { newHost } : {}),
  };
  return [reportDoc(report, hall.view)];
}
