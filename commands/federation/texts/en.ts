/** What federation says. */
export const federation = {
  "help.group.federation": "Federation (assemblies of cells)",
  "arg.name": "name",
  "arg.link": "code as pseudonym",
  "arg.code": "code",
  "arg.sector": "sector",
  "privacy.part.federation": {
    one: "1 federation step they took (the link stays; who did it goes)",
    other: "{count} federation steps they took (the links stay; who did it goes)",
  },
  "privacy.wipe.federation": {
    one: "the federation link or assembly: 1 item (deleted)",
    other: "the federation links and assembly: {count} items (deleted)",
  },
  "schedule.kind.federation.report":
    "{when}: the assembly's monthly report of shared figures, and the next host cell ({repeats})",
  "fed.start.summary": "Make this room an assembly of cells",
  "fed.invite.summary": "Give a one-time join code for a cell (valid 24 hours)",
  "fed.report.summary": "Post this month's shared figures from every linked cell",
  "fed.federate.summary": "Link this cell to an assembly under a pseudonym",
  "fed.status.summary": "Show what this cell shares, and with whom",
  "fed.preview.summary": "See exactly what this cell will send",
  "fed.pause.summary": "Stop sending figures for now",
  "fed.resume.summary": "Send figures again",
  "fed.leave.summary": "Leave the assembly",
  "fed.sector.summary": "Say which sector this cell works in",
  "fed.started":
    "This room is now the assembly {name}. Give a cell its join code with {invite}. Only totals will ever arrive here, never names or texts.",
  "fed.already_assembly": "This room is already the assembly {name}.",
  "fed.is_cell": "This room is a cell linked to an assembly; an assembly needs a room of its own.",
  "fed.not_assembly": "This room is not an assembly. A moderator can make it one with {start}.",
  "fed.invite":
    "Join code: {code}\nValid for 24 hours, once. In the cell's room a moderator types {federate}\nIf the cell is served by another Tandem, first invite that bot's account to this room.",
  "fed.bad_link": "Write the code and a pseudonym, like {example}",
  "fed.bad_code": "That code does not open any assembly. Ask the assembly for a new one ({invite} there).",
  "fed.code_used": "That code was used already. Ask the assembly for a new one.",
  "fed.code_expired": "That code is older than 24 hours. Ask the assembly for a new one.",
  "fed.bad_pseudonym": "A pseudonym is 2 to 40 letters, digits, spaces or dashes, like {example}.",
  "fed.pseudonym_is_room": "Pick a pseudonym that does not give away this room: not its name or address.",
  "fed.pseudonym_taken": "Another cell in that assembly is called {pseudonym} already. Pick another pseudonym.",
  "fed.self": "A room cannot link to itself. Use the code in a cell's room.",
  "fed.already_linked": "This cell is already linked to {name} as {pseudonym}. To change, first {leave}.",
  "fed.linked":
    "This cell is linked to the assembly {name} as {pseudonym}. Nothing is sent until you have seen it: {preview}",
  "fed.not_linked": "This cell is not linked to any assembly. A moderator can link it with {federate}.",
  "fed.status": "This cell is linked to the assembly {name} as {pseudonym}.",
  "fed.status_paused": "Sending is paused. Resume with {resume}.",
  "fed.status_waiting": "Nothing is sent until a moderator has looked at {preview}.",
  "fed.shares":
    "Each month it shares only totals: care by kind and unit, the number of givers, care plans carried and decisions taken. Never names, texts or who did what; counts under 3 show as 'fewer than 3'.",
  "fed.with": "Cells in this assembly: {cells}",
  "fed.host": "Host this month: {host}",
  "fed.sector": "Sector: {sector}",
  "fed.preview_title": "What {pseudonym} would send to {name} for {month}",
  "fed.preview_ok": "This is all the assembly gets from this cell. It will be in the next report.",
  "fed.paused": "Paused: this cell sends nothing until {resume}.",
  "fed.resumed": "This cell sends its totals again.",
  "fed.left": "This cell left the assembly {name}. Nothing more is sent.",
  "fed.sector_set": "This cell's sector is {sector}. The host rotation alternates sectors where it can.",
  "fed.bad_sector": "A sector is one word, like {example}.",
  "fed.report_title": "{name}: shared figures for {month}",
  "fed.report_total": "All cells together",
  "fed.report_none": "No cell sends figures yet. Give a cell a code with {invite}.",
  "fed.report_waiting": "Still looking at their preview: {cells}",
  "fed.report_paused": { one: "1 cell has paused sending.", other: "{count} cells have paused sending." },
  "fed.new_host": "Host cell from now on: {host}",
  "fed.line": "givers: {givers} · care plans carried: {plans} · decisions taken: {decisions}",
  "fed.care": "{kind}: {amount} {unit} ({givers} givers)",
  "fed.care_acts": "{kind}: {amount} acts ({givers} givers)",
  "fed.care_hidden": "{kind}: from fewer than 3 givers",
  "fed.no_care": "no care recorded",
  "fed.as": "as",
  "fed.example_pseudonym": "Riverside",
  "fed.few": "fewer than 3",
  "schedule.kind.federation.round_due":
    "{when}: the assembly's report, with the figures that arrived by then ({repeats})",
  "fed.asked":
    "Asked the assembly to link this cell as {pseudonym}. I will say here when it answers. Nothing is sent until you have seen it: {preview}",
  "fed.pending": "This cell asked to join an assembly as {pseudonym} and waits for its answer. To give up: {leave}",
  "fed.asked_invite":
    "Asked to join the assembly as {pseudonym}. Its moderators need to invite this bot's account into the assembly's room: I will ask as soon as I am in, and say here when the assembly answers. Nothing is sent until you have seen it: {preview}",
  "fed.refused.bad_code":
    "The assembly did not accept the code for {pseudonym}: it opens no assembly there. Ask for a new one ({invite} in the assembly).",
  "fed.refused.code_used":
    "The assembly did not accept the code for {pseudonym}: it was used already. Ask for a new one.",
  "fed.refused.code_expired":
    "The assembly did not accept the code for {pseudonym}: it is older than 24 hours. Ask for a new one.",
  "fed.refused.pseudonym_taken":
    "Another cell in that assembly is called {pseudonym} already. Ask for a new code and pick another pseudonym.",
  "fed.cell_joined": {
    one: "A cell joined the assembly: {pseudonym}. 1 cell now.",
    other: "A cell joined the assembly: {pseudonym}. {count} cells now.",
  },
  "fed.cell_left": "{pseudonym} left the assembly.",
  "fed.report_asked": {
    one: "Asked the cells for their figures. 1 cell is served by another Tandem: the report follows here when it answers (in 10 minutes at the latest).",
    other:
      "Asked the cells for their figures. {count} cells are served by other Tandems: the report follows here when they answer (in 10 minutes at the latest).",
  },
  "fed.report_silent":
    "No answer in time from: {cells}. Their Tandem may be offline; their figures are not in this report.",
  "fed.opener": "Before we begin, thank you. This month the cells gave {care}, from {givers} givers.",
  "fed.opener_amount": "{amount} {unit} of {kind}",
  "fed.opener_acts": "{amount} acts of {kind}",
  "fed.opener_quiet": "Before we begin, thank you: for every act of care this month, counted or not.",
  "fed.announce_cell": "The assembly {name} is hosted next by {host}.",
  "fed.announce_cell_when": "The assembly {name} is hosted next by {host}, on {when}.",
  "arg.board": "need or offer",
  "arg.post": "post number",
  "arg.contact": "@contact person",
  "arg.cell": "cell",
  "arg.story": "story number",
  "arg.window": "action and when",
  "arg.action": "action number",
  "arg.care": "with care act",
  "privacy.part.federation_actions": {
    one: "1 day of action they proposed or joined (it stays; who did it goes)",
    other: "{count} days of action they proposed or joined (they stay; who did it goes)",
  },
  "privacy.wipe.federation_actions": {
    one: "days of action: 1 item (deleted)",
    other: "days of action: {count} items (deleted)",
  },
  "action.propose.summary": "Propose a day of action to every linked cell (in the assembly)",
  "action.join.summary": "Take part in an action the assembly proposed, with this cell's own care plan",
  "action.withdraw.summary": "Step out of an action before it starts, quietly",
  "action.list.summary": "Actions ahead: in a cell, which ones it is in; in the assembly, how many cells are in",
  "action.example.request": "refuse overtime friday 17:00 for 2h",
  "action.example.care": "with care pantry",
  "action.example.act": "pantry",
  "action.propose.in_cell": "Actions are proposed in the assembly's room. Here you see those proposed with {list}",
  "action.propose.no_when": "Tell me the action and when, like this: `{example}`",
  "action.propose.duration": "An action lasts more than nothing and at most a week, like `{example}`",
  "action.propose.care":
    "Each cell pairs its own care with the action when it joins ({join}). Propose just the action and its time.",
  "action.proposed":
    "Action {number} went to every linked cell: **{text}**, {from} to {to}. Each cell decides on its own; here you will only see how many are in, never which: {list}",
  "action.heard": "The assembly {name} proposes action {number}: **{text}**, {from} to {to}.",
  "action.heard_join":
    "If this cell is in, a moderator types {join}, or {care} to pair it with care. Only “one more cell is in” reaches the assembly, and this cell gets its own care plan.",
  "action.unknown": "No action {number} has reached this cell. The actions ahead: {list}",
  "action.started": "Action {number} has started already: joining and stepping out are for before it starts.",
  "action.already": "This cell is in action {number} already, with care plan #{plan}: {show}",
  "action.joined":
    "This cell is in action {number}: **{text}**, {from}. The assembly {name} learns only that one more cell is in. Care plan #{plan} carries it here: a reminder the day before, the start call with its care, a breath after.",
  "action.joined_volunteers": "Who carries its care: {join}",
  "action.joined_no_care": "Pair it with a care act, like {care}, and join its care with {join}",
  "action.not_in": "This cell is not in action {number}. To join it: {join}",
  "action.withdrawn": "This cell is out of action {number}. The assembly counts one cell fewer, never which.",
  "action.plan_cancelled":
    "It carried action {number}: this cell is out of it now. The assembly counts one cell fewer, never which.",
  "action.withdrawn_plan":
    "This cell is out of action {number}, and care plan #{plan} is cancelled. The assembly counts one cell fewer, never which.",
  "schedule.kind.federation.action_start": "{when}: an action of the assembly starts, with how many cells are in",
  "action.starts_now": "Action {number} starts now: **{text}**. Cells in: {cells}. Strength to every one of them.",
  "arg.lesson": "lesson number",
  "action.share.summary": "After an action, share one of this cell's lessons with the assembly",
  "action.report.summary": "How many cells acted in an action, and what they learnt (in the assembly)",
  "action.share.not_in": "This cell was not in action {number}: only cells that acted share its lessons.",
  "action.share.too_soon": "Action {number} has not started yet: its lessons come after it.",
  "action.share.no_lesson": "This cell has no lesson {lesson}. Record one first, like {record}",
  "action.shared": "Lesson {lesson} went to the assembly {name}, without this cell's name: “{text}”",
  "action.hall.lesson": "A cell shares what action {number} taught: {text}",
  "action.report.unknown": "This assembly has no action {number}. The actions ahead: {list}",
  "action.report.title": "Action {number}: {text}, {when}",
  "action.report.ahead": "Not started yet. Cells in so far: {cells}.",
  "action.report.acted": "Cells that acted: {cells}.",
  "action.report.no_lessons": "No lessons shared yet.",
  "action.report.lessons": "What the cells learnt:",
  "action.list.title": "Actions ahead",
  "action.list.none_assembly": "No action ahead. A moderator proposes one with {propose}",
  "action.list.assembly": "Action {number}: **{text}**, {from}. Cells in: {cells}",
  "action.list.none_cell": "No action ahead from the assembly.",
  "action.list.cell_out": "Action {number}: **{text}**, {from}. To join: {join}",
  "action.list.cell_in": "Action {number}: **{text}**, {from}. This cell is in (care plan #{plan}).",
  "privacy.part.federation_board": {
    one: "1 board item (a post, a story, a contact): who it was becomes “someone”",
    other: "{count} board items (posts, stories, contacts): who it was becomes “someone”",
  },
  "privacy.wipe.federation_board": {
    one: "the federation board: 1 item (deleted)",
    other: "the federation board: {count} items (deleted)",
  },
  "board.offer.summary": "Offer something to the other cells of the assembly (any member may)",
  "board.need.summary": "Ask the other cells of the assembly for help (any member may)",
  "board.answer.summary": "Answer another cell's offer or need",
  "board.contact.summary":
    "Name this cell's contact person for an exchange; names cross only when both cells named one",
  "board.story_share.summary": "Propose a short story for the assembly (any member may)",
  "board.story_approve.summary": "Send a proposed story to the assembly, with @-names removed",
  "board.stories.summary": "List this cell's stories and whether they crossed",
  "board.someone": "someone",
  "board.word.offer": "offer",
  "board.word.need": "need",
  "board.example_contact": "@ana",
  "board.paused": "This cell's link is paused: it sends nothing until {resume}.",
  "board.text.empty": "Nothing would be left to send. Write a few words after the command.",
  "board.text.too_long": "That is {length} characters; the assembly takes at most {max}. Say it shorter.",
  "board.text.room": "Leave out room addresses: they would tell the assembly which room this is.",
  "board.posted.offer":
    "Posted to the assembly {name} as offer {number} from {pseudonym}: “{text}”. Moderators of other cells can answer it.",
  "board.posted.need":
    "Posted to the assembly {name} as need {number} from {pseudonym}: “{text}”. Moderators of other cells can answer it.",
  "board.sent.offer":
    "Sent to the assembly {name} as an offer from {pseudonym}: “{text}”. I will say here which number it gets.",
  "board.sent.need":
    "Sent to the assembly {name} as a need from {pseudonym}: “{text}”. I will say here which number it gets.",
  "board.cleaned": "Taken out before it crossed: {removed}. Only this text went.",
  "board.removed.person": "names and addresses of people",
  "board.removed.link": "links",
  "board.removed.phone": "phone numbers",
  "board.stand_in.link": "[link]",
  "board.stand_in.phone": "[phone]",
  "board.numbered.offer": "This cell's offer is offer {number} in the assembly {name}.",
  "board.numbered.need": "This cell's need is need {number} in the assembly {name}.",
  "board.heard.offer":
    "Offer {number} from {pseudonym}, in the assembly: {text}\nA moderator can answer it with {answer}",
  "board.heard.need":
    "Need {number} from {pseudonym}, in the assembly: {text}\nA moderator can answer it with {answer}",
  "board.hall.offer": "Offer {number} from {pseudonym}: {text}",
  "board.hall.need": "Need {number} from {pseudonym}: {text}",
  "board.hall.answer.offer": "{pseudonym} answers offer {number} from {poster}.",
  "board.hall.answer.need": "{pseudonym} answers need {number} from {poster}.",
  "board.hall.story": "A story from {pseudonym}: {text}",
  "board.answered_yours.offer":
    "{peer} answers your offer {number}. To put the two cells in touch, a moderator here names one contact person: {contact}\nNames cross only when both cells named theirs, and only to your two cells.",
  "board.answered_yours.need":
    "{peer} answers your need {number}. To put the two cells in touch, a moderator here names one contact person: {contact}\nNames cross only when both cells named theirs, and only to your two cells.",
  "board.you_answered.offer":
    "This cell answers offer {number} from {peer}, and {peer} has been told. To put the two cells in touch, a moderator here names one contact person: {contact}\nNames cross only when both cells named theirs, and only to your two cells.",
  "board.you_answered.need":
    "This cell answers need {number} from {peer}, and {peer} has been told. To put the two cells in touch, a moderator here names one contact person: {contact}\nNames cross only when both cells named theirs, and only to your two cells.",
  "board.answer_sent.offer":
    "This cell's answer to offer {number} from {peer} is on its way to the assembly. I will say here when it arrived.",
  "board.answer_sent.need":
    "This cell's answer to need {number} from {peer} is on its way to the assembly. I will say here when it arrived.",
  "board.answer.own": "Post {number} is this cell's own: another cell answers it.",
  "board.answer.unknown":
    "No post {number} has reached this cell. The assembly's offers and needs appear here as they come.",
  "board.answer.is.offer": "Post {number} is an offer, not a need: {answer}",
  "board.answer.is.need": "Post {number} is a need, not an offer: {answer}",
  "board.answer.already": "This cell answered post {number} from {peer} already. To share contacts: {contact}",
  "board.contact.unknown": "This cell has not answered post {number}, and it is not this cell's.",
  "board.contact.no_answer.offer": "No cell has answered your offer {number} yet. I will say here when one does.",
  "board.contact.no_answer.need": "No cell has answered your need {number} yet. I will say here when one does.",
  "board.contact.which": "Several cells answered: {cells}. Say which one, like {example}",
  "board.contact.already": "This cell named {person} already for post {number} with {peer}.",
  "board.verify.summary":
    "Confirm the safety code you compared with the other cell's moderators, before contacts cross",
  "board.code_word": "CODE",
  "board.safety_code":
    "Before any name crosses, compare this safety code with {peer}'s moderators in person or by phone, not through the assembly: {code}\nWhen they read you the same code, type {verify}",
  "board.verify.show":
    "Safety code for post {number} with {peer}: {code}\nCompare it with their moderators in person or by phone; when it is the same, type {verify}",
  "board.verify.mismatch":
    "That is not the safety code this cell sees for post {number} with {peer} ({code}), so no contact crosses. If their moderators read you another code, a key was changed on the way, perhaps by the assembly's Tandem. Compare again; if the codes still differ, share no contacts through this assembly. Once the codes are the same, type {verify}",
  "board.verified":
    "The safety code for post {number} with {peer} is the same on both sides: what this cell seals for {peer} only {peer} can open. Now name this cell's contact person: {contact}",
  "board.contact.verify_first":
    "First compare the safety code with {peer}'s moderators in person or by phone: {code}\nWhen it is the same, type {verify}, then name the contact.",
  "board.contact.mismatch":
    "The safety code typed for post {number} was not the one this cell sees with {peer} ({code}), so no contact crosses. Compare it again with their moderators and type {verify}",
  "board.contact.bad_key": "I cannot seal a name for {peer}: the key it sent does not work. Nothing was sent.",
  "board.contact_named.offer":
    "{person} is this cell's contact for offer {number} with {peer}. When {peer} names theirs, the two names cross, to your two cells only.",
  "board.contact_named.need":
    "{person} is this cell's contact for need {number} with {peer}. When {peer} names theirs, the two names cross, to your two cells only.",
  "board.contact_shared.offer": "Contact for offer {number} from {peer}: {person}",
  "board.contact_shared.need": "Contact for need {number} from {peer}: {person}",
  "board.contact_sent": "{peer} got {person} as this cell's contact.",
  "board.story_shared":
    "Story {number} is proposed. It stays in this cell until a moderator approves it with {approve}; then the assembly {name} reads: “{text}”",
  "board.story_approved": "Story {number} crossed to the assembly {name}: “{text}”",
  "board.story.unknown": "There is no story {number} in this cell. See them with {list}.",
  "board.story.crossed_already": "Story {number} crossed to the assembly already.",
  "board.stories.title": "Stories of this cell",
  "board.stories.none": "No stories yet. Any member can propose one: {share}",
  "board.stories.waiting": "{number} · proposed by {by}, waiting for {approve} — “{text}”",
  "board.stories.crossed": "{number} · crossed on {when} — “{text}”",
  "fed.example.sector": "health",
  "fed.example.code": "CODE",
};

// Its keys are the text keys `t`, `UserError` and summaries accept anywhere (a misspelled key fails the build).
declare module "../../../src/kernel/i18n/catalog.js" {
  interface TextKeys extends Record<keyof typeof federation, true> {}
}
