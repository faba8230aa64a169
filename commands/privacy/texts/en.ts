export const privacy = {
  "help.group.privacy": "Privacy",
  "arg.who": "@person or me",
  "privacy.someone": "someone",
  "privacy.part.ledger": {
    one: "1 ledger entry (their name becomes “someone”; the care still counts)",
    other: "{count} ledger entries (their name becomes “someone”; the care still counts)",
  },
  "privacy.part.rotation": {
    one: "1 place in the role rotation (they leave it; their past terms keep no name)",
    other: "{count} places in the role rotation (they leave them; their past terms keep no name)",
  },
  "privacy.part.careplans": {
    one: "1 care plan they volunteered for or made",
    other: "{count} care plans they volunteered for or made",
  },
  "privacy.part.mentions": {
    one: "1 text that names them (what was cared for, a correction, a plan): the name becomes “someone”",
    other: "{count} texts that name them (what was cared for, corrections, plans): the name becomes “someone”",
  },
  "privacy.wipe.ledger": {
    one: "1 ledger entry (deleted, with its corrections)",
    other: "{count} ledger entries (deleted, with their corrections)",
  },
  "privacy.wipe.rotation": {
    one: "1 role in the rotation (deleted, with its line, absences and past terms)",
    other: "{count} roles in the rotation (deleted, with their lines, absences and past terms)",
  },
  "privacy.wipe.careplans": {
    one: "1 care plan (deleted, with its volunteers) and the room's own care acts",
    other: "{count} care plans (deleted, with their volunteers) and the room's own care acts",
  },
  "privacy.part.schedule": {
    one: "1 scheduled post and the room's settings",
    other: "{count} scheduled posts and the room's settings",
  },
  "privacy.forget.summary": "Remove a person from this room's memory (yourself, or anyone as moderator)",
  "privacy.forget.not_allowed": "You can ask me to forget you (`{me}`). Forgetting someone else is for moderators.",
  "privacy.forget.nothing": "I keep nothing about {who} in this room.",
  "privacy.forget.preview": "This is what I keep about {who} in this room:",
  "privacy.forget.forms": "I found their name written as: {forms}. Each of these goes.",
  "privacy.forget.ask": "Nothing has changed yet. To forget it, type `{confirm}`. It cannot be undone.",
  "privacy.forget.which": "More than one person I keep fits {who}: {candidates}. Type the full id, like `{example}`.",
  // The name is not repeated: a reply naming her would write it back into the database she left.
  "privacy.forget.done":
    "Done: they are forgotten in this room. What was already posted in the room stays in its history.",
  "privacy.forget.done_matrix":
    "Done: they are forgotten in this room. What was already posted in the room stays in its history, and on Matrix my sealed key store keeps their devices' keys (the Matrix library has no way to drop them).",
  "privacy.wipe.summary": "Delete everything I keep about this room (moderators)",
  "privacy.wipe.nothing": "I keep nothing about this room.",
  "privacy.wipe.preview": "This is everything I keep about this room:",
  "privacy.wipe.ask":
    "Nothing has changed yet. Save what you want first (`{export}`), then type `{confirm}` to delete it all. It cannot be undone.",
  "privacy.wipe.done": "Done: everything I kept about this room is deleted.",
  // The words a hint writes for "me" and "confirm", as the room types them.
  "privacy.word.me": "me",
  "privacy.word.confirm": "confirm",
};

// Its keys are the text keys `t`, `UserError` and summaries accept anywhere (a misspelled key fails the build).
declare module "../../../src/kernel/i18n/catalog.js" {
  interface TextKeys extends Record<keyof typeof privacy, true> {}
}
