/** What the charter says, and the draft a cell starts from. */
export const charter = {
  "help.group.charter": "Living charter",
  "arg.article": "article",
  "privacy.part.charter": {
    one: "1 note they wrote under the charter (the note stays; who wrote it goes)",
    other: "{count} notes they wrote under the charter (the notes stay; who wrote them goes)",
  },
  "privacy.wipe.charter": {
    one: "the charter: 1 article, with its versions and notes (deleted)",
    other: "the charter: {count} articles, with their versions and notes (deleted)",
  },
  "charter.summary": "The cell's charter, article by article",
  "charter.empty":
    "This room has no charter yet. A moderator can begin one from a short draft the cell then rewrites: `{start}`",
  "charter.none": "This room has no charter yet. A moderator can begin one: `{start}`",
  "charter.unknown": "There is no article {n} in this charter. See them all with `{list}`.",
  "charter.title": "Our charter:",
  "charter.notes_waiting": { one: "1 note waits to be talked about.", other: "{count} notes wait to be talked about." },
  "charter.more":
    "One article in full: `{show}`. A note under it: `{note}`. A change, which the cell decides at its next meeting: `{amend}`.",
  "charter.show.summary": "One article in full, with the notes under it",
  "charter.notes": "Notes waiting for the cell:",
  "charter.note_line": "{text} ({day})",
  "charter.history_hint": "Every earlier version: `{history}`",
  "charter.start.summary": "Begin the charter from a short draft (moderators)",
  "charter.already": "This room has a charter already: `{list}`.",
  "charter.started": "Here is a first draft. It is yours to rewrite together, article by article.",
  "charter.note.summary": "Write a note under an article, for the cell to talk about",
  "charter.noted": "Your note is under article {n} ({title}) until the cell deals with it: `{show}`.",
  "charter.history.summary": "Every version of an article, with its date and decision",
  "charter.history": "Article {n} ({title}), version by version:",
  "charter.version.start": "{day}: first draft — {text}",
  "charter.version.add": "{day}: added — {text}",
  "charter.version.amend": "{day}: amended — {text}",
  "charter.version.remove": "{day}: removed",
  "charter.version.start.decided": "{day}: first draft (decision #{decision}) — {text}",
  "charter.version.add.decided": "{day}: added by decision #{decision} — {text}",
  "charter.version.amend.decided": "{day}: amended by decision #{decision} — {text}",
  "charter.version.remove.decided": "{day}: removed by decision #{decision}",
  "charter.skeleton.purpose.title": "Why we are here",
  "charter.skeleton.purpose.body":
    "We organise together so that everyone who works here is treated with dignity, paid fairly and safe. We look after each other while we do it.",
  "charter.skeleton.deciding.title": "How we decide",
  "charter.skeleton.deciding.body":
    "We decide in open meetings, by consent: a proposal goes ahead unless someone blocks it for a serious reason, and every block is heard. Each decision is written in our log.",
  "charter.skeleton.roles.title": "Rotating roles",
  "charter.skeleton.roles.body":
    "Facilitating, keeping the money and speaking for us change hands regularly, so that nobody carries a role alone and everyone learns it.",
  "charter.skeleton.care.title": "Care",
  "charter.skeleton.care.body":
    "Every action goes with an act of care at the same time, and after each one we rest and talk. We thank each other for what we give.",
  "charter.skeleton.safety.title": "Safety",
  "charter.skeleton.safety.body":
    "What is said here stays here. We never share a name outside the cell without that person's consent, and phones stay outside offline meetings.",
  "charter.amend.summary":
    "Propose new words for an article (decided like any proposal, by default at the next meeting)",
  "charter.add.summary": "Propose a new article",
  "charter.remove.summary": "Propose to remove an article",
  "charter.article_empty": "What should the article say? Write a title and its text, like `{example}`.",
  "charter.article_example": "Money: the fund keeper reports at every meeting",
  "charter.same_open":
    "Proposal #{n} already proposes exactly this change, and it is still open: answer it instead (`{show}`).",
  "charter.question.amend": "Change article {n} ({title}) to: {text}",
  "charter.question.add": "Add to the charter: {text}",
  "charter.question.remove": "Remove article {n} ({title}) from the charter",
  "charter.print.summary":
    "The charter as a PDF for the wall, in large type (A3, or a4; anonymous leaves out the room)",
  "charter.print.title": "Our charter",
  "charter.print.file": "charter",
  "charter.print.version": "Version {version}, {date}",
  "charter.print.anonymous_word": "anonymous",
  "charter.print.ready": {
    one: "Here is the charter (1 article, version {version}) as a PDF on {size}, ready to print.",
    other: "Here is the charter ({count} articles, version {version}) as a PDF on {size}, ready to print.",
  },
  "charter.print.hint_other": "For another size: `{other}`.",
  "charter.print.hint":
    "For another size: `{other}`. Without the room's name: `{anonymous}`. The room's name goes after the command.",
  "charter.opener.title": "Notes on our charter, waiting for this meeting:",
  "charter.opener.line": "article {n} ({title}): {text}",
};

// Its keys are the text keys `t`, `UserError` and summaries accept anywhere (a misspelled key fails the build).
declare module "../../../../src/kernel/i18n/catalog.js" {
  interface TextKeys extends Record<keyof typeof charter, true> {}
}
