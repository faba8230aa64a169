/** What help says. */
export const help = {
  "help.summary": "Show what I can do, or how to do something",
  "help.intro": "Here is what you can ask me in this room:",
  "help.more": "Type `{example}` to see how to use them with examples, or search any word, like `{search}`.",
  "help.search_example": "undo",
  "help.nothing": "I found nothing about “{topic}”. Type `{help}` to see everything I can do.",
  "help.group.help": "Help",
  "arg.topic": "topic",
};

// Its keys are the text keys `t`, `UserError` and summaries accept anywhere (a misspelled key fails the build).
declare module "../../../src/kernel/i18n/catalog.js" {
  interface TextKeys extends Record<keyof typeof help, true> {}
}
