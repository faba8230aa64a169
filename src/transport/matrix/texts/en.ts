/** What the Matrix transport itself says (not a command's reply). */
export const matrix = {
  "matrix.unencrypted":
    "Hello! I only work in end-to-end encrypted rooms, so that what this group records stays among you. Turn on encryption in this room's settings and I will answer here.",
  "matrix.upgraded":
    "This room was replaced by a new one, so I moved there with everything you recorded: {room}. See you there!",
  "matrix.undecryptable":
    "{sender}, I could not decrypt one of your messages, so I could not act on it. Please send it again.",
  "matrix.unverified_device":
    "A new device of {sender} is not verified by its owner, so I ignore what it sends until it is verified in Element (Settings → Sessions). If that device is not yours, change your password now.",
  "matrix.held_dropped": {
    one: "1 message of {sender} waited a week for a moderator to trust their new identity. I dropped it without running it.",
    other:
      "{count} messages of {sender} waited a week for a moderator to trust their new identity. I dropped them without running them.",
  },
};

// Its keys are the text keys `t`, `UserError` and summaries accept anywhere (a misspelled key fails the build).
declare module "../../../kernel/i18n/catalog.js" {
  interface TextKeys extends Record<keyof typeof matrix, true> {}
}
