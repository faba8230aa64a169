import type { Db } from "../../src/platform/db.js";
import { carePlansCarriedCount } from "../careplans/index.js";
import { decisionsTakenCount } from "../decisions/index.js";
import { ledgerReader } from "../ledger/index.js";
import { aggregateAll, aggregateCell, type CellActivity, type SharedAggregate } from "./rules/aggregate.js";
import { nextHost } from "./rules/host-rotation.js";
import { federationRepo, type Link } from "./repository.js";

/**
 * What federation commands and posts use: the links, and a cell's month read inside the bot.
 * Raw activity (with names) never leaves this file: callers get aggregates with small numbers hidden.
 */
export function federationServices(db: Db) {
  const repo = federationRepo(db);
  const ledger = ledgerReader(db);
  const activity = (cellRoom: string, from: number, to: number): CellActivity => ({
    care: ledger.between(cellRoom, from, to),
    plansCarried: carePlansCarriedCount(db, cellRoom, from, to),
    decisionsTaken: decisionsTakenCount(db, cellRoom, from, to),
  });
  return {
    repo,
    /** What one cell would send for [from, to). */
    shareOf: (cellRoom: string, from: number, to: number): SharedAggregate => aggregateCell(activity(cellRoom, from, to)),
    /** The assembly's report: each sending cell under its pseudonym, the total, and who waits for a preview. */
    report(assemblyRoom: string, from: number, to: number) {
      const links = repo.links(assemblyRoom);
      const sending = links.filter((l) => l.status === "active" && l.previewedAt !== null);
      const activities = sending.map((l) => activity(l.cellRoom, from, to));
      return {
        cells: sending.map((l, i) => ({ pseudonym: l.pseudonym, shared: aggregateCell(activities[i]!) })),
        total: aggregateAll(activities),
        waiting: links.filter((l) => l.status === "active" && l.previewedAt === null).map((l) => l.pseudonym),
        paused: links.filter((l) => l.status === "paused").length,
        host: hostOf(assemblyRoom, links),
      };
    },
    /** Hands hosting to the next cell (fairly, alternating sectors); returns its pseudonym. */
    rotateHost(assemblyRoom: string, at: number): string | undefined {
      const links = repo.links(assemblyRoom).filter((l) => l.status === "active");
      const hosts = repo.hosts(assemblyRoom);
      const last = hosts.at(-1);
      const cell = nextHost(
        links.map((l) => {
          const mine = hosts.filter((h) => h.cell === l.cellRoom);
          return { cell: l.cellRoom, sector: repo.sector(l.cellRoom), timesHosted: mine.length, lastHosted: mine.at(-1)?.since ?? null, joinedAt: l.joinedAt };
        }),
        last ? { cell: last.cell, sector: repo.sector(last.cell) } : null,
      );
      if (cell === undefined) return undefined;
      repo.addHost(assemblyRoom, cell, at);
      return links.find((l) => l.cellRoom === cell)?.pseudonym;
    },
    host: (assemblyRoom: string) => hostOf(assemblyRoom, repo.links(assemblyRoom)),
  };

  function hostOf(assemblyRoom: string, links: readonly Link[]): string | undefined {
    const last = repo.hosts(assemblyRoom).at(-1);
    return links.find((l) => l.cellRoom === last?.cell)?.pseudonym;
  }
}

export type FederationSlice = ReturnType<typeof federationServices>;
