/** What circles and skills say. */
export const circles = {
  "help.group.circle": "Story and skill circles",
  "help.group.skill": "Skills: who can teach what",
  "arg.skill": "skill",
  "privacy.part.circle": {
    one: "their place in the circle's host rotation (they leave it)",
    other: "{count} places in the circle's host rotation (they leave them)",
  },
  "privacy.part.skills": {
    one: "1 skill they offer or want to learn (deleted)",
    other: "{count} skills they offer or want to learn (deleted)",
  },
  "schedule.kind.circle.invite": "{when}: invitation to the story and skill circle ({repeats})",
  "circle.summary": "When the next circle is, who hosts it and how it goes",
  "circle.weekly.summary": "Schedule the weekly circle (moderators)",
  "circle.stop.summary": "Stop the weekly circle (moderators)",
  "circle.join.summary": "Join the circle: you take turns hosting it",
  "circle.leave.summary": "Leave the circle and its host rotation",
  "circle.example.day": "tuesday",
  "circle.bad": "I could not read “{found}” as a day and a time. Try `{example}`.",
  "circle.scheduled":
    "The story and skill circle meets every week: next on {when}. I post the invitation an hour before. Join the host rotation with `{join}`.",
  "circle.stopped": "The weekly circle is stopped. Start it again with `{schedule}`.",
  "circle.none": "There is no weekly circle to stop. A moderator can start one with `{schedule}`.",
  "circle.joined": "You are in the circle. You will take your turn hosting; `{leave}` takes you out any time.",
  "circle.already_in": "You are in the circle already. `{leave}` takes you out.",
  "circle.left": "You left the circle. You are welcome back any time with `{join}`.",
  "circle.not_in": "You are not in the circle. Join with `{join}`.",
  "circle.show.next": "The next circle is on {when}.",
  "circle.show.unscheduled": "No circle is scheduled yet. A moderator can start one with `{schedule}`.",
  "circle.show.nobody": "Nobody has joined yet: `{join}` to take turns hosting.",
  "circle.show.host": {
    one: "{host} hosts next (the only one in the rotation).",
    other: "{host} hosts next ({count} people take turns).",
  },
  "circle.format":
    "The format: each person shares one personal struggle and one practical lesson. What is said in the circle stays there; I keep none of it.",
  "circle.invite": "The story and skill circle starts on {when}. {host} hosts today.",
  "circle.invite.nobody":
    "The story and skill circle would start on {when}, but nobody has joined the host rotation. Type `{join}` to take a turn.",
  "circle.invite.pairs": "Someone asked to learn something another can teach:",
  "circle.invite.private": "Tell only what you want to tell.",
  "skill.add.summary": "Say what you can teach (moderators can add for others)",
  "skill.want.summary": "Say what you would like to learn",
  "skill.remove.summary": "Take a skill off the list",
  "skill.pass.summary": "Decline the teaching pairs suggested to you",
  "skills.summary": "Who can teach what in this room",
  "skill.example": "first aid",
  "skill.example.want": "negotiation",
  "skill.only_own":
    "You can add or remove only your own skills; a moderator can do it for others. For yours: `{example}`.",
  "skill.bad": "Write the skill in words, up to {max} characters, like `{example}`.",
  "skill.too_many": "That makes more than {max} skills for one person. Take one off first, like `{remove}`.",
  "skill.added": "{who} can teach {skill}.",
  "skill.had": "{who} already offers {skill}.",
  "skill.wanted": "Noted: you would like to learn {skill}.",
  "skill.wanted_already": "You asked to learn {skill} already.",
  "skill.removed": "{skill} is off the list for {who}.",
  "skill.not_there": "{who} has no {skill} on the list. See it with `{list}`.",
  "skill.match": "A match for the next circle:",
  "skill.pair": "{teacher} could teach {skill} to {learner}",
  "skill.pass_hint": "Either of you can say `{pass}` to decline, no reason needed.",
  "skill.passed": {
    one: "Done: that pair will not be suggested again.",
    other: "Done: those {count} pairs will not be suggested again.",
  },
  "skill.nothing_to_pass": "No pair is suggested to you right now.",
  "skills.none": "No skills on the list yet. Offer one with `{add}`, or ask to learn with `{want}`.",
  "skills.title": "Who can teach what here:",
  "skills.line.offered": "{skill}: {offers}",
  "skills.line.wanted": "{skill}: wanted by {wants}",
  "skills.line.both": "{skill}: {offers} (wanted by {wants})",
};

// Its keys are the text keys `t`, `UserError` and summaries accept anywhere (a misspelled key fails the build).
declare module "../../../src/kernel/i18n/catalog.js" {
  interface TextKeys extends Record<keyof typeof circles, true> {}
}
