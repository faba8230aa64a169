import { commandsOf, type Examples } from "../../../src/kernel/command.js";
import { doc, p } from "../../../src/kernel/doc.js";
import { UserError } from "../../../src/kernel/errors.js";
import { Level } from "../../../src/kernel/level.js";
import { param } from "../../../src/kernel/params.js";
import { excerpt, nameKey } from "../../../src/kernel/text-hygiene.js";
import { sideOf } from "../bus.js";
import type { FederationSlice } from "../services.js";
import { asOwnCommand, contactPerson, postWord } from "./cell.js";
import { boardText, linkedCell } from "./link.js";
import type { Match, PostKind } from "./repository.js";
import { contactPlain, type Contact } from "./rules/contact.js";
import { seal, sealContext } from "./rules/seal.js";

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
    run({ text: raw }, ctx) {
      const link = linkedCell(ctx, true);
      const { text, changed } = boardText(raw, ctx);
      const { board } = ctx.slice;
      const key = board.keysOf(link.cellId, ctx.roomId).publicKey;
      const ref = board.addOwnPost({ cellId: link.cellId, cellRoom: ctx.roomId, kind, text, by: ctx.sender.userId, at: ctx.now });
      asOwnCommand(link.cellId, () => sideOf(ctx.slice, ctx.now, ctx.elsewhere).bus.toAssembly(link, { kind: "board_post", ref, post: kind, text, key }));
      return { number: board.ownPost(link.cellId, ref)?.number ?? null, name: link.assemblyName, pseudonym: link.pseudonym, text, changed };
    },
    render: (r, view) =>
      doc(
        p(...view.t.t(r.number === null ? `board.sent.${kind}` : `board.posted.${kind}`, { number: r.number ?? 0, name: r.name, pseudonym: r.pseudonym, text: excerpt(r.text, EXCERPT) })),
        ...(r.changed ? [p(...view.t.t("board.cleaned"))] : []),
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
  run({ board: kind, post: number }, ctx) {
    const link = linkedCell(ctx, true);
    const { board } = ctx.slice;
    if (board.ownPostNumbered(link.cellId, number)) throw new UserError("board.answer.own", { number });
    const heard = board.heard(link.cellId, number);
    if (!heard) throw new UserError("board.answer.unknown", { number });
    if (heard.kind !== kind) throw new UserError(`board.answer.is.${heard.kind}`, { number, answer: ctx.hint("answer", { board: postWord(heard.kind, ctx), post: number }) });
    const contact = ctx.hint("contact", { post: number, contact: ctx.t.text("board.example_contact") });
    if (board.matchesOf(link.cellId, number).length > 0) throw new UserError("board.answer.already", { number, peer: heard.pseudonym, contact });
    const key = board.keysOf(link.cellId, ctx.roomId).publicKey;
    asOwnCommand(link.cellId, () => sideOf(ctx.slice, ctx.now, ctx.elsewhere).bus.toAssembly(link, { kind: "board_answer", number, post: kind, key }));
    return { kind, number, peer: heard.pseudonym, matched: board.matchesOf(link.cellId, number).length > 0, contact };
  },
  render: (r, view) => doc(p(...view.t.t(`board.${r.matched ? "you_answered" : "answer_sent"}.${r.kind}`, { number: r.number, peer: r.peer, contact: r.contact }))),
});

/** The exchange `!contact 4 …` means: the only one, or the one with the cell named after the person. */
function exchangeOf(matches: Match[], cell: string | undefined, hint: (peer: string) => string): Match {
  const chosen = cell === undefined ? (matches.length === 1 ? matches[0] : undefined) : matches.find((m) => nameKey(m.peer) === nameKey(cell));
  if (chosen) return chosen;
  throw new UserError("board.contact.which", { cells: matches.map((m) => m.peer).join(", "), example: hint(matches[0]!.peer) });
}

export const contact = command({
  name: "contact",
  es: "contacto",
  group: "federation",
  summary: "board.contact.summary",
  examples: { en: ["contact 4 @ana", "contact 4 @ana Hilltop"], es: ["contacto 4 @ana", "contacto 4 @ana Colina"] },
  level: Level.Moderator,
  params: { post: param.int(), contact: param.person(), cell: param.rest({ max: 40, optional: true }) },
  run({ post: number, contact: person, cell }, ctx) {
    const link = linkedCell(ctx, true);
    const { board } = ctx.slice;
    const matches = board.matchesOf(link.cellId, number);
    if (matches.length === 0) {
      const own = board.ownPostNumbered(link.cellId, number);
      throw new UserError(own ? `board.contact.no_answer.${own.kind}` : "board.contact.unknown", { number });
    }
    const match = exchangeOf(matches, cell?.trim(), (peer) => ctx.hint("contact", { post: number, contact: `@${localName(person)}`, cell: peer }));
    if (match.contactName !== null) throw new UserError("board.contact.already", { number, peer: match.peer, person: { name: match.contactName, ...(match.contactUser ? { userId: match.contactUser } : {}) } });
    const named: Contact = { name: person.name, userId: person.userId ?? null };
    const keys = board.keysOf(link.cellId, ctx.roomId);
    const sealed = seal(contactPlain(named), keys, match.peerKey, sealContext(link.assemblyRoom, match.matchId, match.role));
    if (sealed === undefined) throw new UserError("board.contact.bad_key", { peer: match.peer });
    board.nameContact(link.cellId, match.matchId, named, ctx.sender.userId, ctx.now);
    asOwnCommand(link.cellId, () => sideOf(ctx.slice, ctx.now, ctx.elsewhere).bus.toAssembly(link, { kind: "board_contact", match: match.matchId, sealed }));
    const after = board.match(link.cellId, match.matchId)!;
    const theirs: Contact | null = after.peerContactName === null ? null : { name: after.peerContactName, userId: after.peerContactUser };
    return { kind: match.kind, number, peer: match.peer, named, theirs };
  },
  render: (r, view) =>
    r.theirs
      ? doc(p(...view.t.t(`board.contact_shared.${r.kind}`, { number: r.number, peer: r.peer, person: contactPerson(r.theirs) })), p(...view.t.t("board.contact_sent", { peer: r.peer, person: contactPerson(r.named) })))
      : doc(p(...view.t.t(`board.contact_named.${r.kind}`, { number: r.number, peer: r.peer, person: contactPerson(r.named) }))),
});

/** How a person is typed back in a hint: their Matrix localpart, or their plain name. */
const localName = (person: { userId?: string; name: string }) => (person.userId ? person.userId.slice(1).split(":")[0]! : person.name);

export const boardCommands = [offer, need, answer, contact];
