export const core = {
  // Labels of parameters many features share; a feature's own labels live in its texts.
  "arg.text": "text",
  "arg.person": "person",
  "arg.until": "until when",
  "arg.day": "day",
  "arg.time": "time",
  "arg.when": "when",
  "arg.role": "role",
  "arg.month": "month",
  "arg.confirm": "confirm",
  "arg.plan": "plan",
  "arg.tag": "#tag",
  "arg.quorum": "quorum",
  "arg.sheet": "a4, anonymous, room name",
  "error.arg.room_mention":
    "`{found}` speaks to the whole room, not to one person. Name the people themselves, like `@ana`.",
  "error.arg.which_person":
    "More than one member here could be `{found}`: {people}. Type the full id of the one you mean.",
  "reply.shortened": {
    one: "… and 1 more, left out so that this message fits.",
    other: "… and {count} more, left out so that this message fits.",
  },
  "error.unknown": "I don't know the command `{command}`.",
  "error.did_you_mean": "Did you mean {suggestions}?",
  "error.unknown_sub": "I don't know `{found}`. Did you mean `{suggestion}`?",
  "error.permission":
    "Only moderators of this room can use `{command}`. Ask one of them to do it, or to make you a moderator.",
  "error.unexpected":
    "Sorry, something went wrong on my side and nothing was changed. If it happens again, give the operator this reference: {ref}.",
  "error.arg.missing": "Something is missing: {arg}.",
  "error.arg.person": "Who? Name at least one person with @, like @ana.",
  "error.arg.number": "I expected a number for {arg}, not “{found}”.",
  "error.arg.choice": "“{found}” is not one of: {choices}.",
  "error.arg.extra": "I didn't understand “{found}”.",
  "error.arg.too_many": "I can take at most {max} at once ({arg}).",
  "error.arg.too_long": "{arg} is too long (at most {max} characters).",
  "print.size_unknown":
    "I don't print on “{found}”. The sizes are: {sizes}; anything else after the command is the room's name.",
  "error.arg.invalid": "{arg} doesn't look right.",
  "error.arg.no_such": "No {arg} is that large: nothing here has that number. Check it and type it again.",
  "usage.line": "Type it like this: `{usage}`",
  "usage.example": "For example: `{example}`",
  "help.hint": "Type `{help}` to see what I can do.",
  "when.past": "{when} has already passed. Give a time in the future.",
  "when.unreadable":
    "I couldn't read “{found}” as a date or time. Try `friday 17:00`, `tomorrow 7am` or `2026-12-04 08:00`.",
  "when.too_far":
    "“{found}” is more than {years} years away, which looks like a typo. Give a date within the next {years} years, like `friday 17:00` or `4 Dec 18:00`.",
  "duration.unreadable": "I couldn't read “{found}” as a duration. Try `2h`, `90m` or `3 days`.",
  "duration.too_long":
    "“{found}” is longer than {years} years, which looks like a typo. Try `2h`, `3 days` or `2 weeks`.",
};

// Its keys are the text keys `t`, `UserError` and summaries accept anywhere (a misspelled key fails the build).
declare module "./catalog.js" {
  interface TextKeys extends Record<keyof typeof core, true> {}
}
