export const en = {
  "help.group.settings": "Room settings",
  "arg.language": "language",
  "arg.timezone": "time zone",
  "settings.summary": "Show this room's language and time zone",
  "settings.current": "This room speaks {language} and lives in the {timezone} time zone.",
  "settings.language.summary": "Choose the language I use in this room (moderators)",
  "settings.language.unknown": "I can't speak “{found}” yet. I know: {choices}.",
  "settings.language.done": "From now on I'll speak {language} in this room.",
  "settings.timezone.summary": "Set this room's time zone (moderators)",
  "settings.timezone.unknown": "“{found}” is not a time zone I know. Use a name like Europe/Madrid or America/Bogota.",
  "settings.timezone.done": "This room's time zone is now {timezone}. Dates and scheduled posts follow it.",
  "language.en": "English",
  "language.es": "Spanish",
  "arg.state": "on or off",
  "settings.welcome.summary": "Turn the welcome for newcomers on or off, and see it (moderators)",
  "settings.welcome.text.summary": "Write the cell's own welcome for newcomers, or `default` for mine (moderators)",
  "settings.welcome.on_word": "on",
  "settings.welcome.off_word": "off",
  "settings.welcome.bad": "I couldn't read “{found}”. Type `{on}` or `{off}`.",
  "settings.welcome.now_on": "When someone joins this room, I'll welcome them. To stop: `{off}`.",
  "settings.welcome.now_off": "I won't welcome newcomers here any more. To start again: `{on}`.",
  "settings.welcome.is_on": "I welcome newcomers in this room. To stop: `{off}`.",
  "settings.welcome.is_off": "I don't welcome newcomers in this room yet. To start: `{on}`.",
  "settings.welcome.preview":
    "A newcomer reads this, after a hello with their name and a line on who to ask (edit it with `{edit}`):",
  "settings.welcome.text.done": "The welcome now uses your words. See it with `{show}`.",
  "settings.welcome.text.default": "The welcome uses my words again. See it with `{show}`.",
  "settings.welcome.text.turn_on": "It is off for now: turn it on with `{on}`.",
  "welcome.hello": "Welcome, {who}!",
  "welcome.default":
    "This is our cell's room. Here we keep track together of who cares for what, our rotating roles and what we decide. Take your time; nobody expects anything of you today.",
  "welcome.ask": "If anything is unclear, ask {who}.",
  "welcome.charter": "Our charter begins with **{title}**: {text}",
  "welcome.start": "To see what I can do, type `{help}`.",
  "welcome.meeting": "The next meeting: {when}.",
  "privacy.part.welcome": { one: "the room's welcome for newcomers", other: "the room's welcome for newcomers" },
  "privacy.wipe.welcome": {
    one: "the room's welcome for newcomers (deleted)",
    other: "the room's welcome for newcomers (deleted)",
  },
};

// Its keys are the text keys `t`, `UserError` and summaries accept anywhere (a misspelled key fails the build).
declare module "../../../src/kernel/i18n/catalog.js" {
  interface TextKeys extends Record<keyof typeof en, true> {}
}
