import { commandsOf, type CommandContext } from "../../src/kernel/command.js";
import { doc, heading, p } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import { monthName, monthPeriod } from "../ledger/index.js";
import { leaveActions } from "./actions/cell.js";
import { sideOf } from "./bus.js";
import { aggregateBlocks, federateHint } from "./render.js";
import type { Membership } from "./repository.js";
import { inviteHash, newCellId, proofKeyOf, pseudonymProblem, readFederate, readSector } from "./rules/invite-code.js";
import type { FederationSlice } from "./services.js";

const command = commandsOf<FederationSlice>();
type Ctx = CommandContext<FederationSlice>;

/** This cell's membership, welcomed; a pending one is explained, a missing one points at `!federate`. */
function mustLink(ctx: Ctx): Membership {
  const membership = ctx.slice.repo.membership(ctx.roomId);
  if (!membership)
    throw new UserError("fed.not_linked", { federate: federateHint(ctx.t.text("fed.example.code"), ctx) });
  if (membership.state === "pending")
    throw new UserError("fed.pending", { pseudonym: membership.pseudonym, leave: ctx.hint("federation leave") });
  return membership;
}

/** Where an assembly of this Tandem can tell at once why a code does not work, it does. */
function checkLocalCode(ctx: Ctx, assemblyRoom: string, code: string, pseudonym: string): void {
  const invite = ctx.slice.repo.invite(inviteHash(code));
  if (!invite || invite.assemblyRoom !== assemblyRoom)
    throw new UserError("fed.bad_code", { invite: ctx.hint("assembly invite") });
  if (invite.usedAt !== null) throw new UserError("fed.code_used");
  if (invite.expiresAt <= ctx.now) throw new UserError("fed.code_expired");
  if (ctx.slice.repo.pseudonymTaken(assemblyRoom, pseudonym)) throw new UserError("fed.pseudonym_taken", { pseudonym });
}

export const federate = command({
  name: "federate",
  es: "federar",
  group: "federation",
  summary: "fed.federate.summary",
  examples: {
    en: ["federate K7PM-XQ4R-T2/!assembly:example.org as Riverside"],
    es: ["federar K7PM-XQ4R-T2/!assembly:example.org como Ribera"],
  },
  level: Level.Moderator,
  params: { link: param.rest({ max: 400 }) },
  uses: ["elsewhere"],
  run({ link: text }, ctx) {
    const read = readFederate(text);
    if (!read) throw new UserError("fed.bad_link", { example: federateHint("K7PM-XQ4R-T2", ctx) });
    const { repo } = ctx.slice;
    const existing = repo.membership(ctx.roomId);
    if (existing)
      throw new UserError("fed.already_linked", {
        name: existing.assemblyName,
        pseudonym: existing.pseudonym,
        leave: ctx.hint("federation leave"),
      });
    if (repo.assembly(ctx.roomId)) throw new UserError("fed.self");
    // A short code (no room) can only be one of this Tandem's assemblies.
    const assemblyRoom = read.assemblyRoom ?? repo.invite(inviteHash(read.code))?.assemblyRoom;
    if (!assemblyRoom) throw new UserError("fed.bad_code", { invite: ctx.hint("assembly invite") });
    if (assemblyRoom === ctx.roomId) throw new UserError("fed.self");
    const problem = pseudonymProblem(read.pseudonym, ctx.roomId);
    if (problem === "shape") throw new UserError("fed.bad_pseudonym", { example: ctx.t.text("fed.example_pseudonym") });
    if (problem === "room") throw new UserError("fed.pseudonym_is_room");
    const local = repo.assembly(assemblyRoom) !== undefined;
    if (local) checkLocalCode(ctx, assemblyRoom, read.code, read.pseudonym);
    else repo.markOthersAssembly(assemblyRoom);
    const cellId = newCellId();
    repo.addMembership({
      cellRoom: ctx.roomId,
      assemblyRoom,
      cellId,
      pseudonym: read.pseudonym,
      proofKey: proofKeyOf(read.code),
      by: ctx.sender.userId,
      at: ctx.now,
    });
    sideOf(ctx.slice, ctx.now, ctx.elsewhere).bus.toAssembly(
      { assemblyRoom, cellId },
      { kind: "join", code: inviteHash(read.code), pseudonym: read.pseudonym, sector: repo.sector(ctx.roomId) },
    );
    // In one Tandem the welcome came back already; from another it comes later, as an event,
    // once this bot is in the assembly's room (the join waits in the outbox until then).
    const after = repo.membership(ctx.roomId);
    const state: "linked" | "asked" | "asked_invite" =
      after?.state === "active"
        ? "linked"
        : ctx.elsewhere(assemblyRoom).members().length > 0
          ? "asked"
          : "asked_invite";
    return { pseudonym: read.pseudonym, name: after?.assemblyName ?? "", state };
  },
  render: ({ state, ...r }, view) =>
    doc(p(...view.t.t(`fed.${state}`, { ...r, preview: view.hint("federation preview") }))),
});

/** The assembly's cells and host: read here when the assembly lives in this Tandem, else as last announced. */
function assemblyView(ctx: Ctx, m: Membership): { cells: string[]; host: string | null } {
  if (!ctx.slice.repo.assembly(m.assemblyRoom)) return { cells: m.cells, host: m.host };
  return {
    cells: ctx.slice.repo.cells(m.assemblyRoom).map((c) => c.pseudonym),
    host: ctx.slice.host(m.assemblyRoom) ?? null,
  };
}

export const status = command({
  name: "federation",
  es: "federación",
  aliases: ["federacion"],
  group: "federation",
  summary: "fed.status.summary",
  examples: { en: ["federation"], es: ["federación"] },
  level: Level.Member,
  params: {},
  run(_args, ctx) {
    const link = mustLink(ctx);
    return { link, ...assemblyView(ctx, link), sector: ctx.slice.repo.sector(ctx.roomId) };
  },
  render: ({ link, cells, host, sector }, view) =>
    doc(
      p(...view.t.t("fed.status", { name: link.assemblyName, pseudonym: link.pseudonym })),
      ...(link.state === "paused"
        ? [p(...view.t.t("fed.status_paused", { resume: view.hint("federation resume") }))]
        : []),
      ...(link.previewedAt === null
        ? [p(...view.t.t("fed.status_waiting", { preview: view.hint("federation preview") }))]
        : []),
      p(...view.t.t("fed.shares")),
      ...(cells.length > 0 ? [p(...view.t.t("fed.with", { cells: cells.join(", ") }))] : []),
      ...(host ? [p(...view.t.t("fed.host", { host }))] : []),
      ...(sector ? [p(...view.t.t("fed.sector", { sector }))] : []),
    ),
});

export const preview = command({
  name: "federation preview",
  es: "federación previa",
  aliases: ["federacion previa"],
  group: "federation",
  summary: "fed.preview.summary",
  examples: { en: ["federation preview"], es: ["federación previa"] },
  level: Level.Moderator,
  params: {},
  run(_args, ctx) {
    const link = mustLink(ctx);
    const period = monthPeriod(ctx.now, ctx.settings.timezone);
    ctx.slice.repo.markPreviewed(ctx.roomId, ctx.now);
    return { link, period, shared: ctx.slice.shareOf(ctx.roomId, period.start, Math.min(period.end, ctx.now + 1)) };
  },
  render: ({ link, period, shared }, view) =>
    doc(
      heading(
        view.t.text("fed.preview_title", {
          pseudonym: link.pseudonym,
          name: link.assemblyName,
          month: monthName(period, view),
        }),
      ),
      ...aggregateBlocks([{ kind: "strong", text: link.pseudonym }], shared, view),
      p(...view.t.t("fed.preview_ok")),
    ),
});

const lifecycle = (
  name: "pause" | "resume" | "leave",
  es: string,
  run: (ctx: CommandContext<FederationSlice, "elsewhere" | "jobs">, link: Membership) => void,
) =>
  command({
    name: `federation ${name}`,
    es: `federación ${es}`,
    aliases: [`federacion ${es}`],
    group: "federation",
    summary: `fed.${name}.summary`,
    examples: { en: [`federation ${name}`], es: [`federación ${es}`] },
    level: Level.Moderator,
    params: {},
    uses: ["elsewhere", "jobs"],
    run(_args, ctx) {
      const link = ctx.slice.repo.membership(ctx.roomId);
      // A cell whose join is still unanswered may give up on it.
      if (name === "leave" && link?.state === "pending") {
        ctx.slice.repo.removeMembership(link.cellId);
        return { name: link.assemblyName };
      }
      const linked = mustLink(ctx);
      run(ctx, linked);
      return { name: linked.assemblyName };
    },
    render: (r, view) =>
      doc(
        p(
          ...view.t.t(name === "pause" ? "fed.paused" : name === "resume" ? "fed.resumed" : "fed.left", {
            name: r.name,
            resume: view.hint("federation resume"),
          }),
        ),
      ),
  });

export const pause = lifecycle("pause", "pausar", (ctx) => ctx.slice.repo.setState(ctx.roomId, "paused"));
export const resume = lifecycle("resume", "reanudar", (ctx) => ctx.slice.repo.setState(ctx.roomId, "active"));
export const leave = lifecycle("leave", "salir", (ctx, link) => {
  sideOf(ctx.slice, ctx.now, ctx.elsewhere).bus.toAssembly(link, { kind: "leave" });
  // Its actions go with it: the care plans of those ahead are cancelled (the assembly stops counting it).
  leaveActions(ctx.slice, ctx.jobs, link, ctx.now);
  ctx.slice.repo.removeMembership(link.cellId);
});

export const sector = command({
  name: "cell sector",
  es: "célula sector",
  aliases: ["celula sector"],
  group: "federation",
  summary: "fed.sector.summary",
  examples: { en: ["cell sector health"], es: ["célula sector sanidad"] },
  level: Level.Moderator,
  params: { sector: param.word({ max: 30 }) },
  uses: ["elsewhere"],
  run({ sector: word }, ctx) {
    const sector = readSector(word);
    if (!sector)
      throw new UserError("fed.bad_sector", {
        example: ctx.hint("cell sector", { sector: ctx.t.text("fed.example.sector") }),
      });
    ctx.slice.repo.setSector(ctx.roomId, sector);
    const link = ctx.slice.repo.membership(ctx.roomId);
    if (link && link.state !== "pending")
      sideOf(ctx.slice, ctx.now, ctx.elsewhere).bus.toAssembly(link, { kind: "sector", sector });
    return { sector };
  },
  render: ({ sector }, view) => doc(p(...view.t.t("fed.sector_set", { sector }))),
});

export const cellCommands = [federate, status, preview, pause, resume, leave, sector];
