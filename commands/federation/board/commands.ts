import { commandsOf, type CommandContext, type Examples } from "../../../src/kernel/command.js";
import { doc, p } from "../../../src/kernel/doc.js";
import { UserError } from "../../../src/kernel/errors.js";
import { Level } from "../../../src/kernel/level.js";
import { param } from "../../../src/kernel/params.js";
import { excerpt, nameKey } from "../../../src/kernel/text-hygiene.js";
import { sideOf } from "../bus.js";
import type { FederationSlice } from "../services.js";
import { asOwnCommand, contactPerson, postWord } from "./cell.js";
import { crossingText, linkedCell, removedNote } from "./link.js";
import type { Match, PostKind } from "./repository.js";
import { contactPlain, type Contact } from "./rules/contact.js";
import { sameCode } from "./rules/safety-code.js";
import { seal, sealContext } from "./rules/seal.js";
import { codeOf, safetyBlock, verifyHint } from "./safety.js";

const command = commandsOf<FederationSlice>();
const EXCERPT = 80;

/** `!offer` / `!need`: any member may post; the text is cleaned before it leaves, and the reply shows what crossed. */
const posting = (kind: PostKind, es: string, aliases: string[], examples: Examples) =>
  command({
    name: kind,
    es,
    aliases,
    group: "federation",
    summary: `board.${kind}.summary`,
    examples,
    level: Level.Member,
    params: { text: param.rest({ max: 2000 }) },
    uses: ["elsewhere"],
    run({ text: raw }, ctx) {
      const link = linkedCell(ctx, true);
      const { text, removed } = crossingText(raw, ctx.t);
      const { board } = ctx.slice;
      const key = board.keysOf(link.cellId, ctx.roomId).publicKey;
      const ref = board.addOwnPost({
        cellId: link.cellId,
        cellRoom: ctx.roomId,
        kind,
        text,
        by: ctx.sender.userId,
        at: ctx.now,
      });
      asOwnCommand(link.cellId, () =>
        sideOf(ctx.slice, ctx.now, ctx.elsewhere).bus.toAssembly(link, {
          kind: "board_post",
          ref,
          post: kind,
          text,
          key,
        }),
      );
      return {
        number: board.ownPost(link.cellId, ref)?.number ?? null,
        name: link.assemblyName,
        pseudonym: link.pseudonym,
        text,
        removed,
      };
    },
    render: (r, view) =>
      doc(
        p(
          ...view.t.t(r.number === null ? `board.sent.${kind}` : `board.posted.${kind}`, {
            number: r.number ?? 0,
            name: r.name,
            pseudonym: r.pseudonym,
            text: excerpt(r.text, EXCERPT),
          }),
        ),
        ...removedNote(r.removed, view),
      ),
  });

export const offer = posting("offer", "oferta", ["ofrezco", "ofrecer"], {
  en: ["offer a van with driver on Saturday mornings"],
  es: ["oferta una furgoneta con conductora los sábados por la mañana"],
});
export const need = posting("need", "necesidad", ["necesito", "necesitamos"], {
  en: ["need someone who speaks Tagalog for a meeting on Tuesday"],
  es: ["necesidad alguien que hable tagalo para una reunión el martes"],
});

export const answer = command({
  name: "answer",
  es: "responder",
  group: "federation",
  summary: "board.answer.summary",
  examples: { en: ["answer need 4", "answer offer 2"], es: ["responder necesidad 4", "responder oferta 2"] },
  level: Level.Moderator,
  params: { board: param.choice({ need: ["necesidad", "necesito"], offer: ["oferta", "ofrezco"] }), post: param.int() },
  uses: ["elsewhere"],
  run({ board: kind, post: number }, ctx) {
    const link = linkedCell(ctx, true);
    const { board } = ctx.slice;
    if (board.ownPostNumbered(link.cellId, number)) throw new UserError("board.answer.own", { number });
    const heard = board.heard(link.cellId, number);
    if (!heard) throw new UserError("board.answer.unknown", { number });
    if (heard.kind !== kind)
      throw new UserError(`board.answer.is.${heard.kind}`, {
        number,
        answer: (view) => view.hint("answer", { board: postWord(heard.kind, view), post: number }),
      });
    const contact = ctx.hint("contact", { post: number, contact: ctx.t.text("board.example_contact") });
    if (board.matchesOf(link.cellId, number).length > 0)
      throw new UserError("board.answer.already", { number, peer: heard.pseudonym, contact });
    const key = board.keysOf(link.cellId, ctx.roomId).publicKey;
    asOwnCommand(link.cellId, () =>
      sideOf(ctx.slice, ctx.now, ctx.elsewhere).bus.toAssembly(link, { kind: "board_answer", number, post: kind, key }),
    );
    const match = board.matchesOf(link.cellId, number)[0];
    return { kind, number, peer: heard.pseudonym, code: match ? codeOf(board, match) : null, contact };
  },
  render: (r, view) =>
    r.code === null
      ? doc(p(...view.t.t(`board.answer_sent.${r.kind}`, { number: r.number, peer: r.peer })))
      : doc(
          p(...view.t.t(`board.you_answered.${r.kind}`, { number: r.number, peer: r.peer, contact: r.contact })),
          safetyBlock(view, r.number, r.peer, r.code),
        ),
});

/** The exchange `!contact 4 …` means: the only one, or the one with the cell named after the person. */
function exchangeOf(matches: Match[], cell: string | undefined, hint: (peer: string) => string): Match {
  const chosen =
    cell === undefined
      ? matches.length === 1
        ? matches[0]
        : undefined
      : matches.find((m) => nameKey(m.peer) === nameKey(cell));
  if (chosen) return chosen;
  throw new UserError("board.contact.which", {
    cells: matches.map((m) => m.peer).join(", "),
    example: hint(matches[0]!.peer),
  });
}

export const contact = command({
  name: "contact",
  es: "contacto",
  group: "federation",
  summary: "board.contact.summary",
  examples: { en: ["contact 4 @ana", "contact 4 @ana Hilltop"], es: ["contacto 4 @ana", "contacto 4 @ana Colina"] },
  level: Level.Moderator,
  params: { post: param.int(), contact: param.person(), cell: param.rest({ max: 40, optional: true }) },
  uses: ["elsewhere"],
  run({ post: number, contact: person, cell }, ctx) {
    const link = linkedCell(ctx, true);
    const { board } = ctx.slice;
    const matches = exchangesOf(ctx, link.cellId, number);
    const match = exchangeOf(matches, cell?.trim(), (peer) =>
      ctx.hint("contact", { post: number, contact: `@${localName(person)}`, cell: peer }),
    );
    if (match.verifiedAt === null) {
      const params = { number, peer: match.peer, code: codeOf(board, match), verify: verifyHint(ctx, number) };
      throw new UserError(match.mismatchAt === null ? "board.contact.verify_first" : "board.contact.mismatch", params);
    }
    if (match.contactName !== null)
      throw new UserError("board.contact.already", {
        number,
        peer: match.peer,
        person: { name: match.contactName, ...(match.contactUser ? { userId: match.contactUser } : {}) },
      });
    const named: Contact = { name: person.name, userId: person.userId ?? null };
    const keys = board.keysOf(link.cellId, ctx.roomId);
    const sealed = seal(
      contactPlain(named),
      keys,
      match.peerKey,
      sealContext(link.assemblyRoom, match.matchId, match.role),
    );
    if (sealed === undefined) throw new UserError("board.contact.bad_key", { peer: match.peer });
    board.nameContact(link.cellId, match.matchId, named, ctx.sender.userId, ctx.now);
    asOwnCommand(link.cellId, () =>
      sideOf(ctx.slice, ctx.now, ctx.elsewhere).bus.toAssembly(link, {
        kind: "board_contact",
        match: match.matchId,
        sealed,
      }),
    );
    const after = board.match(link.cellId, match.matchId)!;
    const theirs: Contact | null =
      after.peerContactName === null ? null : { name: after.peerContactName, userId: after.peerContactUser };
    return { kind: match.kind, number, peer: match.peer, named, theirs };
  },
  render: (r, view) =>
    r.theirs
      ? doc(
          p(
            ...view.t.t(`board.contact_shared.${r.kind}`, {
              number: r.number,
              peer: r.peer,
              person: contactPerson(r.theirs),
            }),
          ),
          p(...view.t.t("board.contact_sent", { peer: r.peer, person: contactPerson(r.named) })),
        )
      : doc(
          p(
            ...view.t.t(`board.contact_named.${r.kind}`, {
              number: r.number,
              peer: r.peer,
              person: contactPerson(r.named),
            }),
          ),
        ),
});

/** The exchanges of a post this cell is part of; none is explained. */
function exchangesOf(ctx: CommandContext<FederationSlice>, cellId: string, number: number): Match[] {
  const matches = ctx.slice.board.matchesOf(cellId, number);
  if (matches.length > 0) return matches;
  const own = ctx.slice.board.ownPostNumbered(cellId, number);
  throw new UserError(own ? `board.contact.no_answer.${own.kind}` : "board.contact.unknown", { number });
}

/**
 * `!contact verify 4 CODE`: the code the other cell's moderators read out, compared with the one
 * this cell sees. A match lets this cell's contact be sealed; a mismatch stops the exchange (and is
 * kept, so it is not a rolled-back error) until the right code is typed. Without a code: the codes.
 */
export const verify = command({
  name: "contact verify",
  es: "contacto verificar",
  group: "federation",
  summary: "board.verify.summary",
  examples: {
    en: ["contact verify 4 0394 1187 5520 9046 3318 7702"],
    es: ["contacto verificar 4 0394 1187 5520 9046 3318 7702"],
  },
  level: Level.Moderator,
  params: { post: param.int(), code: param.rest({ max: 80, optional: true }) },
  run({ post: number, code: typed }, ctx) {
    const link = linkedCell(ctx, false);
    const { board } = ctx.slice;
    const exchanges = exchangesOf(ctx, link.cellId, number).map((match) => ({ match, code: codeOf(board, match) }));
    const codes = exchanges.map((e) => ({ peer: e.match.peer, code: e.code }));
    if (!typed?.trim()) return { state: "show" as const, number, codes };
    const same = exchanges.find((e) => sameCode(typed, e.code));
    if (!same) {
      for (const e of exchanges) board.mismatchMatch(link.cellId, e.match.matchId, ctx.now);
      return { state: "mismatch" as const, number, codes };
    }
    board.verifyMatch(link.cellId, same.match.matchId, ctx.now);
    const contact = ctx.hint("contact", {
      post: number,
      contact: ctx.t.text("board.example_contact"),
      ...(exchanges.length > 1 ? { cell: same.match.peer } : {}),
    });
    return { state: "verified" as const, number, codes: [{ peer: same.match.peer, code: same.code }], contact };
  },
  render: (r, view) => {
    const peers = r.codes.map((c) => c.peer).join(", ");
    const codes = r.codes.map((c) => (r.codes.length > 1 ? `${c.peer}: ${c.code}` : c.code)).join("; ");
    if (r.state === "verified")
      return doc(p(...view.t.t("board.verified", { number: r.number, peer: peers, contact: r.contact ?? "" })));
    return doc(
      p(
        ...view.t.t(`board.verify.${r.state}`, {
          number: r.number,
          peer: peers,
          code: codes,
          verify: verifyHint(view, r.number),
        }),
      ),
    );
  },
});

/** How a person is typed back in a hint: their Matrix localpart, or their plain name. */
const localName = (person: { userId?: string; name: string }) =>
  person.userId ? person.userId.slice(1).split(":")[0]! : person.name;

export const boardCommands = [offer, need, answer, contact, verify];
