export const en = {
  "help.group.meeting": "Meetings and schedule",
  "meeting.summary": "Schedule a meeting; I open it with gratitude (moderators)",
  "meeting.bad": "I couldn't read “{found}”. Try `weekly thursday 19:00` or `friday 18:00`.",
  "meeting.too_soon":
    "That meeting starts in less than {minutes} minutes, too soon for an opener. Pick a later time, or type `{opener}` now.",
  "meeting.weekly": "Weekly meeting noted; the next one is {when}. I'll open it with thanks {minutes} minutes before.",
  "meeting.once": "Meeting noted for {when}. I'll open it with thanks {minutes} minutes before.",
  "meeting.duplicate.weekly":
    "There is a weekly meeting at that time already (next {when}), so I added nothing. See them all with `{list}`.",
  "meeting.duplicate.once":
    "There is a meeting at that time already ({when}), so I added nothing. See them all with `{list}`.",
  "opener.summary": "Open a meeting with this week's gratitude",
  "opener.title": "Before we begin, thanks for this week's care:",
  "opener.line": "{who}: {what}",
  "opener.empty": "Before we begin: nobody has been thanked this week yet. Who would you like to thank? `{example}`",
  "opener.focus.action": "Today's focus: the next action, and who needs support to take part.",
  "opener.focus.care": "Today's focus: how are we holding up, and who needs care?",
  "opener.focus.education": "Slow phase: a good time to learn together. What skill or story could someone share?",
  "opener.focus.recruitment": "Slow phase: who could we invite to the next meeting?",
  "schedule.summary": "What I will post in this room, and when",
  "schedule.empty": "Nothing scheduled in this room yet. Roles, care plans and meetings add their posts here.",
  "schedule.title": "Coming up (times in {zone}):",
  "schedule.once": "once",
  "schedule.repeats": "repeats",
  "schedule.kind.rotation.announce": "{when}: roles of the week ({repeats})",
  "schedule.kind.careplan.reminder": "{when}: reminder for plan #{plan}",
  "schedule.kind.careplan.start": "{when}: care-mirror call for plan #{plan}",
  "schedule.kind.careplan.end": "{when}: decompression after plan #{plan}",
  "schedule.kind.meeting.opener": "{when}: gratitude opener before the meeting ({repeats})",
  "opener.example": "cooked for the meeting",
  "meeting.cancel.summary": "Cancel one day's meeting (`2026-12-03`), or with no day all of them (moderators)",
  "meeting.example": "weekly thursday 19:00",
  "meeting.cancel.none": "No meetings are scheduled here. To add one: `{example}`",
  "meeting.cancel.done": {
    one: "Meeting cancelled: I won't post its opener.",
    other: "{count} meetings cancelled: I won't post their openers.",
  },
  "meeting.cancel.day": "The meeting of {day} is cancelled: I won't post its opener. The others stay: `{list}`.",
  "meeting.cancel.no_match": "I found no meeting on “{found}”. See the meetings with `{list}`.",
  "meetings.summary": "The meetings I open in this room",
  "meetings.none": "No meetings are scheduled here. To add one: `{example}`",
  "meetings.title": "Meetings in this room:",
  "meetings.line.once": "{next}",
  "meetings.line.weekly": "weekly, next {next}",
  "meetings.line.weekly_skipping": "weekly, next {next} (not on {days})",
  "meetings.cancel_hint": "To cancel one day's meeting: `{example}`",
  "assembly.summary": "Schedule the monthly assembly; before it I post the month's care digest and poster (moderators)",
  "assembly.bad":
    "I couldn't read “{found}”. Try `{example}` (first, second, third, fourth or last; add `offline` to leave phones outside).",
  "assembly.noted":
    "Monthly assembly noted; the next one is {when}. I'll post last month's care digest and poster {minutes} minutes before.",
  "assembly.off_none": "No monthly assembly was scheduled here.",
  "assembly.off": {
    one: "The monthly assembly is off: I won't post its digest and poster.",
    other: "The monthly assemblies are off: I won't post their digests and posters.",
  },
  "assembly.digest_title": "For the assembly: care given in {month}",
  "meeting.offline_noted":
    "It's an offline meeting: the opener will ask people to leave phones outside, and I'll post nothing about it once it starts.",
  "meeting.offline_reminder":
    "This is an offline meeting: please leave your phone outside, switched off. See you there.",
  "schedule.kind.meeting.assembly": "{when}: the month's care digest and poster, before the assembly ({repeats})",
  "assembly.example.when": "monthly first monday 19:00",
};

// Its keys are the text keys `t`, `UserError` and summaries accept anywhere (a misspelled key fails the build).
declare module "../../../src/kernel/i18n/catalog.js" {
  interface TextKeys extends Record<keyof typeof en, true> {}
}
