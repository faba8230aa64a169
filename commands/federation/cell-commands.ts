import { commandsOf, type CommandContext } from "../../src/kernel/command.js";
import { doc, heading, p } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import { monthName, monthPeriod } from "../ledger/index.js";
import { aggregateBlocks, federateHint } from "./render.js";
import type { Link } from "./repository.js";
import { inviteHash, pseudonymProblem, readFederate, readSector } from "./rules/invite-code.js";
import type { FederationSlice } from "./services.js";

const command = commandsOf<FederationSlice>();
type Ctx = CommandContext<FederationSlice>;

function mustLink(ctx: Ctx): Link & { name: string } {
  const link = ctx.slice.repo.link(ctx.roomId);
  if (!link) throw new UserError("fed.not_linked", { federate: federateHint("CODE", ctx) });
  return { ...link, name: ctx.slice.repo.assembly(link.assemblyRoom)?.name ?? "" };
}

export const federate = command({
  name: "federate",
  es: "federar",
  group: "federation",
  summary: "fed.federate.summary",
  examples: ["federate K7PM-XQ4R-T2 as Riverside"],
  level: Level.Moderator,
  params: { link: param.rest({ max: 80 }) },
  run({ link: text }, ctx) {
    const read = readFederate(text);
    if (!read) throw new UserError("fed.bad_link", { example: federateHint("K7PM-XQ4R-T2", ctx) });
    const repo = ctx.slice.repo;
    const existing = repo.link(ctx.roomId);
    if (existing) throw new UserError("fed.already_linked", { name: repo.assembly(existing.assemblyRoom)?.name ?? "", pseudonym: existing.pseudonym, leave: ctx.hint("federation leave") });
    const hash = inviteHash(read.code);
    const invite = repo.invite(hash);
    if (!invite) throw new UserError("fed.bad_code", { invite: ctx.hint("assembly invite") });
    if (invite.usedAt !== null) throw new UserError("fed.code_used");
    if (invite.expiresAt <= ctx.now) throw new UserError("fed.code_expired");
    if (invite.assemblyRoom === ctx.roomId || repo.assembly(ctx.roomId)) throw new UserError("fed.self");
    const problem = pseudonymProblem(read.pseudonym, ctx.roomId);
    if (problem === "shape") throw new UserError("fed.bad_pseudonym", { example: ctx.t.text("fed.example_pseudonym") });
    if (problem === "room") throw new UserError("fed.pseudonym_is_room");
    if (repo.pseudonymTaken(invite.assemblyRoom, read.pseudonym)) throw new UserError("fed.pseudonym_taken", { pseudonym: read.pseudonym });
    repo.useInvite(hash, ctx.now);
    repo.addLink(ctx.roomId, invite.assemblyRoom, read.pseudonym, ctx.sender.userId, ctx.now);
    // The first cell to join hosts until the first monthly rotation.
    if (repo.hosts(invite.assemblyRoom).length === 0) ctx.slice.rotateHost(invite.assemblyRoom, ctx.now);
    return { name: repo.assembly(invite.assemblyRoom)?.name ?? "", pseudonym: read.pseudonym };
  },
  render: (r, view) => doc(p(...view.t.t("fed.linked", { ...r, preview: view.hint("federation preview") }))),
});

export const status = command({
  name: "federation",
  es: "federación",
  aliases: ["federacion"],
  group: "federation",
  summary: "fed.status.summary",
  examples: ["federation"],
  level: Level.Member,
  params: {},
  run(_args, ctx) {
    const link = mustLink(ctx);
    const cells = ctx.slice.repo.links(link.assemblyRoom).map((l) => l.pseudonym);
    return { link, cells, host: ctx.slice.host(link.assemblyRoom), sector: ctx.slice.repo.sector(ctx.roomId) };
  },
  render: ({ link, cells, host, sector }, view) =>
    doc(
      p(...view.t.t("fed.status", { name: link.name, pseudonym: link.pseudonym })),
      ...(link.status === "paused" ? [p(...view.t.t("fed.status_paused", { resume: view.hint("federation resume") }))] : []),
      ...(link.previewedAt === null ? [p(...view.t.t("fed.status_waiting", { preview: view.hint("federation preview") }))] : []),
      p(...view.t.t("fed.shares")),
      p(...view.t.t("fed.with", { cells: cells.join(", ") })),
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
  examples: ["federation preview"],
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
      heading(view.t.text("fed.preview_title", { pseudonym: link.pseudonym, name: link.name, month: monthName(period, view) })),
      ...aggregateBlocks([{ kind: "strong", text: link.pseudonym }], shared, view),
      p(...view.t.t("fed.preview_ok")),
    ),
});

const lifecycle = (name: "pause" | "resume" | "leave", es: string, run: (ctx: Ctx, link: Link & { name: string }) => void) =>
  command({
    name: `federation ${name}`,
    es: `federación ${es}`,
    aliases: [`federacion ${es}`],
    group: "federation",
    summary: `fed.${name}.summary`,
    examples: [`federation ${name}`],
    level: Level.Moderator,
    params: {},
    run(_args, ctx) {
      const link = mustLink(ctx);
      run(ctx, link);
      return { name: link.name };
    },
    render: (r, view) =>
      doc(p(...view.t.t(name === "pause" ? "fed.paused" : name === "resume" ? "fed.resumed" : "fed.left", { name: r.name, resume: view.hint("federation resume") }))),
  });

export const pause = lifecycle("pause", "pausar", (ctx) => ctx.slice.repo.setStatus(ctx.roomId, "paused"));
export const resume = lifecycle("resume", "reanudar", (ctx) => ctx.slice.repo.setStatus(ctx.roomId, "active"));
export const leave = lifecycle("leave", "salir", (ctx) => ctx.slice.repo.leave(ctx.roomId));

export const sector = command({
  name: "cell sector",
  es: "celula sector",
  aliases: ["célula sector"],
  group: "federation",
  summary: "fed.sector.summary",
  examples: ["cell sector health"],
  level: Level.Moderator,
  params: { sector: param.word({ max: 30 }) },
  run({ sector: word }, ctx) {
    const sector = readSector(word);
    if (!sector) throw new UserError("fed.bad_sector", { example: ctx.hint("cell sector", { sector: "health" }) });
    ctx.slice.repo.setSector(ctx.roomId, sector);
    return { sector };
  },
  render: ({ sector }, view) => doc(p(...view.t.t("fed.sector_set", { sector }))),
});

export const cellCommands = [federate, status, preview, pause, resume, leave, sector];
