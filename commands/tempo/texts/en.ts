export const en = {
  "help.group.tempo": "Campaign tempo",
  "arg.phase": "burst|slow",
  "tempo.summary": "The cell's rhythm: bursts and slow phases, with the moon",
  "tempo.bad_until": "A burst must end in the future, like `{example}`.",
  "tempo.burst.open": "Burst started. Remember to plan its end.",
  "tempo.burst.until": "Burst started, until {until}.",
  "tempo.burst.too_long":
    "Gently: that's longer than one lunar month. Bursts last better when they're short; consider a slow phase in between.",
  "tempo.slow.done": "Slow phase started: time for learning, care and new people.",
  "tempo.show.burst": {
    one: "Phase: burst, for {count} day (since {since}).",
    other: "Phase: burst, for {count} days (since {since}).",
  },
  "tempo.show.slow": {
    one: "Phase: slow, for {count} day (since {since}).",
    other: "Phase: slow, for {count} days (since {since}).",
  },
  "tempo.show.burst.today": "Phase: burst, since today.",
  "tempo.show.slow.today": "Phase: slow, since today.",
  "tempo.show.until": "Planned to end on {until}.",
  "tempo.moons": "Next new moon: {newMoon}. Next full moon: {fullMoon}.",
  "tempo.part": "The room's tempo and its last prompts",
  "tempo.example.until": "until friday",
};

// Its keys are the text keys `t`, `UserError` and summaries accept anywhere (a misspelled key fails the build).
declare module "../../../src/kernel/i18n/catalog.js" {
  interface TextKeys extends Record<keyof typeof en, true> {}
}
