export const trust = {
  "help.group.trust": "Trust",
  "arg.trusted": "person",
  "trust.summary": "Trust a member's new identity, once you checked it with them in person (moderators)",
  "trust.changed":
    "Moderators: the identity of {who} changed (new encryption keys). That happens when someone resets their account in Element, or when someone else took it over. I hold their commands, not run and not lost, until a moderator who checked it with them in person types `{trust}`. After a week I drop them. (Decision #{n})",
  "trust.log.changed": "The identity of {who} changed; their commands wait until a moderator trusts it.",
  "trust.log.approved": "{by} trusted the new identity of {who} after checking it with them in person.",
  "trust.done":
    "Done: I take the new identity of {who} as theirs, and now run what I held of them. Recorded as decision #{n}.",
  "trust.nothing":
    "The identity of {who} has not changed since I met them here, so there is nothing to trust. If they reset their account just now, give me a minute to notice and try again.",
  "trust.no_id": "Name them with their Matrix account, like `{example}`.",
};

// Its keys are the text keys `t`, `UserError` and summaries accept anywhere (a misspelled key fails the build).
declare module "../../../src/kernel/i18n/catalog.js" {
  interface TextKeys extends Record<keyof typeof trust, true> {}
}
