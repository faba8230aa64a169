import type { Db } from "../../src/platform/db.js";
import type { RoomJobs } from "../../src/kernel/scheduler/room-jobs.js";
import { cancelCarePlan, carePlansCarriedCount, planCare, type CarePlanRequest } from "../careplans/index.js";
import { decisionsTakenCount } from "../decisions/index.js";
import { ledgerReader } from "../ledger/index.js";
import { lessonOf } from "../lessons/index.js";
import { actionsRepo } from "./actions/repository.js";
import { boardRepo } from "./board/repository.js";
import { aggregateCell, type SharedAggregate } from "./rules/aggregate.js";
import { nextHost } from "./rules/host-rotation.js";
import { federationRepo, type Cell } from "./repository.js";

/**
 * What federation commands, posts and events use: both sides' records, and a cell's month read
 * inside the bot. Raw activity (with names) never leaves this file: callers get aggregates with
 * small numbers hidden.
 */
export function federationServices(db: Db) {
  const repo = federationRepo(db);
  const ledger = ledgerReader(db);
  return {
    repo,
    board: boardRepo(db),
    actions: actionsRepo(db),
    /** One of a cell's lessons, which its moderators may share after an action. */
    lessonOf: (cellRoom: string, number: number) => lessonOf(db, cellRoom, number),
    /** A cell's own care plan of an action it joined, made and cancelled through the care-plan feature. */
    carePlans: {
      plan: (jobs: RoomJobs, zone: string, request: CarePlanRequest) => planCare(db, jobs, zone, request),
      cancel: (jobs: RoomJobs, roomId: string, plan: number, now: number) =>
        cancelCarePlan(db, jobs, roomId, plan, now),
    },
    /** What one cell would send for [from, to). */
    shareOf: (cellRoom: string, from: number, to: number): SharedAggregate =>
      aggregateCell({
        care: ledger.between(cellRoom, from, to),
        plansCarried: carePlansCarriedCount(db, cellRoom, from, to),
        decisionsTaken: decisionsTakenCount(db, cellRoom, from, to),
      }),
    /** Hands hosting to the next cell (fairly, alternating sectors). */
    rotateHost(assemblyRoom: string, at: number): Cell | undefined {
      const cells = repo.cells(assemblyRoom);
      const hosts = repo.hosts(assemblyRoom);
      const last = hosts.at(-1);
      const sectorOf = (cellId: string) => cells.find((c) => c.cellId === cellId)?.sector ?? null;
      const chosen = nextHost(
        cells.map((c) => {
          const mine = hosts.filter((h) => h.cell === c.cellId);
          return {
            cell: c.cellId,
            sector: c.sector,
            timesHosted: mine.length,
            lastHosted: mine.at(-1)?.since ?? null,
            joinedAt: c.joinedAt,
          };
        }),
        last ? { cell: last.cell, sector: sectorOf(last.cell) } : null,
      );
      if (chosen === undefined) return undefined;
      repo.addHost(assemblyRoom, chosen, at);
      return cells.find((c) => c.cellId === chosen);
    },
    /** The pseudonym of the cell hosting now. */
    host(assemblyRoom: string): string | undefined {
      const last = repo.hosts(assemblyRoom).at(-1);
      return last ? repo.cell(last.cell)?.pseudonym : undefined;
    },
  };
}

export type FederationSlice = ReturnType<typeof federationServices>;
