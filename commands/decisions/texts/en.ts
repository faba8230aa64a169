/** What the decision log says. */
export const decisions = {
  "help.group.decision": "Decision log",
  "arg.decision": "decision number",
  "arg.reason": "reason",
  "arg.words": "words",
  "privacy.part.decisions": {
    one: "1 decision they recorded, fixed or revoked (the decision stays; who did it goes)",
    other: "{count} decisions they recorded, fixed or revoked (the decisions stay; who did it goes)",
  },
  "privacy.wipe.decisions": {
    one: "the decision log: 1 decision, with its history (deleted)",
    other: "the decision log: {count} decisions, with their history (deleted)",
  },
  "decision.summary": "Write a decision the cell took into the log",
  "decision.example": "We meet on Thursdays at 19:00 #meetings",
  "decision.empty": "What did you decide? Write it after the command, like `{example}`.",
  "decision.plan_unknown":
    "There is no care plan #{plan} here. The plans there are: {plans} (`{list}`). Nothing was recorded.",
  "decision.plan_none":
    "There is no care plan #{plan} here: no plan was made yet. Leave the plan out, or make it first. Nothing was recorded.",
  "decision.recorded": "Decision **#{n}** is in the log: {text}",
  "decision.plan": "It belongs to care plan #{plan} (`{show}`).",
  "decision.unknown": "There is no decision #{n} here. See the latest with `{list}`.",
  "decision.not_yours": "Only whoever recorded decision #{n} (within a day) or a moderator can change it.",
  "decision.already_revoked": "Decision #{n} was revoked already; it stays in the log as it was.",
  "decision.show.summary": "Show one decision with its history",
  "decision.show": "Decision **#{n}** ({day}): {text}",
  "decision.recorded_by": "Recorded by {who}.",
  "decision.tags": "Tags: {tags}",
  "decision.history": "Earlier versions:",
  "decision.revision": "until {day}: {text}",
  "decision.revoked": "Revoked on {day}: {reason}",
  "decision.fix.summary": "Correct a decision's text (the earlier text stays in its history)",
  "decision.fixed": "Decision #{n} now reads: {text}. The earlier text stays in its history (`{history}`).",
  "decision.revoke.summary": "Revoke a decision, with the reason (it stays in the log, marked)",
  "decision.revoked.done": "Decision #{n} is revoked. It stays in the log, marked, with your reason (`{show}`).",
  "decision.line": "{text} ({day}) {tags}",
  "decision.line.revoked": "{text} ({day}, revoked) {tags}",
  "decisions.summary": "The latest decisions, or those with a #tag",
  "decisions.none": "No decisions in the log yet. Write the first one: `{example}`",
  "decisions.none_tagged": "No decision is tagged {tag} yet.",
  "decisions.tag_expected":
    "To filter by tag, start it with #, like `#meetings`. To search for “{found}”, type `{search}`.",
  "decisions.more": {
    one: "… and 1 more: `{export}` gives the whole log.",
    other: "… and {count} more: `{export}` gives the whole log.",
  },
  "decisions.search.summary": "Find decisions by any words",
  "decisions.search.none": "No decision mentions “{words}”.",
  "decisions.export.summary": "The whole decision log as CSV, for a spreadsheet",
  "decisions.export.intro": {
    one: "The decision log (1 decision), as CSV to paste into a spreadsheet:",
    other: "The decision log ({count} decisions), as CSV to paste into a spreadsheet:",
  },
  "decisions.export.part": "The decision log ({count} decisions), part {part} of {parts}:",
  "decisions.print.summary":
    "The decisions in force as a PDF for the wall, in large type (A3, or a4; anonymous leaves out names and the room)",
  "decisions.print.title": "Our decisions",
  "decisions.print.file": "decisions",
  "decisions.print.date": "As of {date}",
  "decisions.print.note_by": "{day}, recorded by {who}",
  "decisions.print.anonymous_word": "anonymous",
  "decisions.print.ready": {
    one: "Here is the decision in force as a PDF on {size}, ready to print.",
    other: "Here are the {count} decisions in force as a PDF on {size}, ready to print.",
  },
  "decisions.print.newest": "The sheet holds the newest {count} of {total}; the whole log stays here.",
  "decisions.print.hint":
    "For another size: `{other}`. Without names or the room: `{anonymous}`. The room's name goes after the command.",
  "decisions.print.hint_named": "The names of who recorded each decision are left out. With them: `{named}`.",
  "decision.review.summary": "Set, renew or remove the day the cell looks at a decision again",
  "decisions.due.summary": "List the decisions coming up for review",
  "decision.review.sample": "in 6 months",
  "decision.review.example": "We rotate the night shift review in 3 months",
  "decision.review.error.bad":
    "I couldn't read when to review it. Write `review in 3 months` or `review 2027-03-01` at the end, like `{example}`.",
  "decision.review.error.past": "A review day has to be after today. Try `{example}`.",
  "decision.review.error.far": "A review can be at most 5 years ahead. Try `{example}`.",
  "decision.review.set": "I'll bring decision #{n} back for review on {day} (`{due}`).",
  "decision.review.cleared": "Decision #{n} has no review date any more.",
  "decision.review.on": "Review: {day} (`{change}` to move it).",
  "decision.review.due": "Time to look again at decision **#{n}** (decided {day}): {text}",
  "decision.review.how": "Keep it: `{renew}`. Change it: `{fix}`. Revoke it: `{revoke}`.",
  "decision.line.review": "· review {day}",
  "decisions.due.title": "Decisions coming up for review:",
  "decisions.due.line": "{text}: review {day}",
  "decisions.due.line.past": "{text}: review due since {day}",
  "decisions.due.none": "No decision has a review date. Give one at the end when you record it, like `{example}`.",
  "decisions.print.note_review": "{note} · review {day}",
  "schedule.kind.decision.review": "{when}: a decision comes back for review",
};

// Its keys are the text keys `t`, `UserError` and summaries accept anywhere (a misspelled key fails the build).
declare module "../../../src/kernel/i18n/catalog.js" {
  interface TextKeys extends Record<keyof typeof decisions, true> {}
}
