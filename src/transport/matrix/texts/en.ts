/** What the Matrix transport itself says (not a command's reply). */
export const matrix = {
  "matrix.unencrypted":
    "Hello! I only work in end-to-end encrypted rooms, so that what this group records stays among you. Turn on encryption in this room's settings and I will answer here.",
  "matrix.upgraded": "This room was replaced by a new one, so I moved there with everything you recorded: {room}. See you there!",
  "matrix.undecryptable": "{sender}, I could not decrypt one of your messages, so I could not act on it. Please send it again.",
};

// Its keys are the text keys `t`, `UserError` and summaries accept anywhere (a misspelled key fails the build).
declare module "../../../kernel/i18n/catalog.js" {
  interface TextKeys extends Record<keyof typeof matrix, true> {}
}
