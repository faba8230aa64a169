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
};

// Its keys are the text keys `t`, `UserError` and summaries accept anywhere (a misspelled key fails the build).
declare module "../../../src/kernel/i18n/catalog.js" {
  interface TextKeys extends Record<keyof typeof en, true> {}
}
