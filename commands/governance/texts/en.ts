/** What governance says: proposals, polls, votes and their outcomes. */
export const governance = {
  "help.group.proposal": "Proposals and votes",
  "arg.wording": "question",
  "arg.proposal": "proposal",
  "arg.choices": "answer",
  "arg.via": "via",
  "privacy.part.proposals": {
    one: "1 vote or proposal of theirs (open votes go; proposals stay, without their name)",
    other: "{count} votes or proposals of theirs (open votes go; proposals stay, without their name)",
  },
  "propose.summary": "Start a proposal: consent (agree / abstain / disagree / block) or a choice between options",
  "propose.close.summary": "Close a proposal now (its proposer or a moderator)",
  "proposal.show.summary": "Show where a proposal stands and how to vote",
  "vote.summary": "Vote on a proposal (in a direct chat with the ballot code for a secret ballot)",
  "proposal.example": "We refuse overtime in December",
  "proposal.error.empty": "What do you propose? Write it after the command, like `{example}`.",
  "proposal.error.options_few":
    "A choice needs at least two options, separated by `|`, like `options: union hall | café`.",
  "proposal.error.options_many": "A choice can have at most 10 options.",
  "proposal.error.option_long": "Each option can have at most 100 characters.",
  "proposal.error.max_bad": "`max` must be between 1 and the number of options.",
  "proposal.in_room":
    "Start proposals in the cell's room, so everyone sees them. Here, in our direct chat, you can cast secret votes.",
  "proposal.no_meeting":
    "There is no meeting scheduled. Schedule one with `{example}`, or give a day, like `until friday 18:00`.",
  "proposal.deadline_range":
    "A proposal stays open from {min} minutes to {days} days. Give a deadline in between, like `until friday 18:00`.",
  "proposal.unknown": "There is no proposal #{n} here.",
  "proposal.not_yours":
    "Only whoever proposed #{n} or a moderator can close it early. It closes by itself at its deadline.",
  "proposal.closed_already": "Proposal #{n} is closed already; its outcome is in the decision log (`{show}`).",
  "proposal.opened": "Proposal **#{n}**: {question}",
  "proposal.opened.secret": "Secret ballot **#{n}**: {question}",
  "proposal.max": "You can choose up to {max} options.",
  "proposal.how": "Answer the poll, or type `{vote}`. Your latest answer counts.",
  "proposal.how.secret":
    "Nobody will know how you voted. Vote in a direct chat with me, with the ballot code **{code}**: `{vote}`.",
  "proposal.closes": "It closes {when} (or earlier with `{close}`).",
  "proposal.answer.agree": "Agree",
  "proposal.answer.abstain": "Abstain",
  "proposal.answer.disagree": "Disagree",
  "proposal.answer.block": "Block",
  "proposal.word.agree": "agree",
  "proposal.word.abstain": "abstain",
  "proposal.word.disagree": "disagree",
  "proposal.word.block": "block",
  "proposal.outcome.adopted": "adopted",
  "proposal.outcome.not_adopted": "not adopted",
  "proposal.outcome.blocked": "not adopted (blocked)",
  "proposal.outcome.no_quorum": "no quorum",
  "proposal.outcome.chosen": "chosen: {leaders}",
  "proposal.outcome.tie": "a tie, nothing chosen",
  "proposal.outcome.could_not_apply": "adopted, but it could not apply: article {article} is no longer in the charter",
  "proposal.decision": "Proposal #{n}: {question}: {outcome} ({counts})",
  "proposal.closed": "Closed. {outcome}",
  "proposal.turnout": "{voters} of {eligible} members answered.",
  "proposal.recorded": "It is in the decision log as #{decision} (`{show}`).",
  "proposal.block.thanks":
    "Thank you for speaking up with a block: it shows something matters. {who}, and whoever blocked, please talk before the next meeting.",
  "proposal.block.thanks.named":
    "Thank you for speaking up with a block: it shows something matters. {who}: please talk together before the next meeting.",
  "proposal.reaction": "Thanks for reacting! A reaction is not a vote, though: answer the poll, or type `{vote}`.",
  "proposal.reaction.secret":
    "Thanks for reacting! A reaction is not a vote, though: this is a secret ballot, so vote in a direct chat with me: `{vote}`.",
  "proposal.status": "Proposal **#{n}**: {question}. Open until {when}. Vote with `{vote}`.",
  "proposal.status.closed": "Proposal #{n} ({question}) is closed; its outcome is decision #{decision}.",
  "vote.unknown_code":
    "I don't know the ballot “{code}”. Use the proposal's number in the room, like `{example}`, or the code its announcement gives.",
  "vote.secret_in_direct":
    "This is a secret ballot: vote in a direct chat with me, with the code {code}, so nobody sees your vote.",
  "vote.not_eligible": "Only members who were in the room when proposal #{n} started can vote on it.",
  "vote.closed": "Proposal #{n} is closed; votes after the close are not counted.",
  "vote.unknown_answer": "I couldn't read “{found}” as an answer. Answer agree, abstain, disagree or block.",
  "vote.unknown_option": "I couldn't read “{found}” as an option. Give option numbers from 1 to {count}.",
  "vote.too_many": "You can choose up to {max} options.",
  "vote.secret_withdraw": "A secret vote can be changed (with your receipt) but not taken back.",
  "vote.receipt_unknown": "That receipt doesn't match a vote on this ballot. Check it, it looks like `7F3A-K2PX`.",
  "vote.secret_twice":
    "You have voted on this ballot already. To change your vote, add the receipt I gave you, like `{example}`.",
  "vote.secret.done":
    "Your secret vote on #{n} is counted. Your receipt: **{receipt}**. Keep it to yourself: only with it can the vote be changed (`{change}`). I keep no link between you and your vote.",
  "vote.secret.changed": "Your secret vote on #{n} is changed.",
  "vote.withdrawn": "Your answer on #{n} is taken back.",
  "vote.because": "because …",
  "vote.word.none": "none",
  "vote.reason.sample": "block because it puts the night shift at risk",
  "vote.reason_empty": "Write your reason after “because”, like `{example}`.",
  "vote.reason_long":
    "A reason can have at most {max} characters. Say the heart of it here; the meeting can hear the rest.",
  "vote.reason_withdraw": "A reason goes with an answer. To take your answer back, type `{none}` on its own.",
  "vote.block.ask": "A block stops the proposal, so the cell needs to know why. Add your reason: `{because}`.",
  "proposal.reasons": "Reasons given:",
  "proposal.reason": "{answer}: {text}",
  "proposal.reason.named": "{answer}: {text} ({who})",
  "vote.reason.secret_reply":
    "This is a secret ballot: give your reason with your vote in our direct chat (`{vote}`), so nobody links it to you.",
  "vote.reason.no_vote": "Answer proposal #{n} first; then a reply to its poll is kept as the reason for your answer.",
  "vote.reason.kept": "Your reason is kept with your answer on #{n}; it is read out at the close.",
  "proposal.how.reason": "Blocking, or want to say why? Reply to this poll with your reason.",
  "vote.done": "Your vote on #{n} is counted. You can change it until the close (`{change}`).",
  "proposal.opener.title": "Proposals open or closing at this meeting:",
  "proposal.opener.closing": "#{n} {question} (closes at this meeting)",
  "proposal.opener.open": "#{n} {question} (still open after it)",
  "settings.quorum.summary":
    "Set how many members must answer a proposal for it to count: `3 people`, `50%`, or `none`",
  "settings.quorum.done": "Proposals now need {percent}% of members to answer.",
  "settings.quorum.none": "Proposals now count however many members answer.",
  "settings.quorum.bad":
    "I couldn't read “{found}” as a quorum. Give a number of people, like `{people}`, a percentage of members from 1 to 100, like `50%`, or `none`.",
  "settings.quorum.which": {
    one: "Do you mean 1 person, or 1% of the members? Type `{people}` or `{percent}`.",
    other: "Do you mean {count} people, or {count}% of the members? Type `{people}` or `{percent}`.",
  },
  "settings.quorum.people": {
    one: "Proposals now need 1 person to answer.",
    other: "Proposals now need {count} people to answer.",
  },
  "settings.quorum.people_word": "people",
  "settings.quorum.person_word": "person",
  "schedule.kind.proposal.close": "{when}: a proposal closes and its outcome is posted",
  "proposal.example.meeting_when": "thursday 19:00",
  "vote.example.code": "CODE",
};

// Its keys are the text keys `t`, `UserError` and summaries accept anywhere (a misspelled key fails the build).
declare module "../../../src/kernel/i18n/catalog.js" {
  interface TextKeys extends Record<keyof typeof governance, true> {}
}
