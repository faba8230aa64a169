/** What lessons say. */
export const lessons = {
  "help.group.lesson": "Lessons: every action leaves data for the next one",
  "privacy.part.lessons": {
    one: "1 lesson they wrote (the lesson stays; who wrote it goes)",
    other: "{count} lessons they wrote (the lessons stay; who wrote them goes)",
  },
  "schedule.kind.lesson.prompt": "{when}: what did we learn from plan #{plan}?",
  "lesson.summary": "Write down what an action taught us (for plan N, or the latest asked about)",
  "lesson.example": "two people at each door was enough #picket",
  "lesson.empty": "What did you learn? Write it after the command, like `{example}`.",
  "lesson.plan_unknown":
    "There is no care plan #{plan} here. The plans there are: {plans} (`{list}`). Nothing was kept.",
  "lesson.plan_none":
    "There is no care plan #{plan} here: no plan was made yet. Write the lesson without a number. Nothing was kept.",
  "lesson.recorded": "Lesson **#{n}** is kept. All of them: `{list}`.",
  "lesson.recorded.plan": "Lesson **#{n}** is kept with care plan #{plan}. All of them: `{list}`.",
  "lesson.prompt":
    "Good morning. Care plan #{plan} is behind us: every action leaves data for the next one. Here, in this message's thread:",
  "lesson.prompt.worked": "What worked?",
  "lesson.prompt.management": "How did management respond?",
  "lesson.prompt.together": "How did we hold together?",
  "lesson.prompt.how": "To keep a lesson for next time: `{record}`. Only what someone writes that way is kept.",
  "lesson.line": "({day}): {text}",
  "lesson.line.plan": "(plan {plan}, {day}): {text}",
  "lessons.summary": "The lessons we kept, or those with a #tag",
  "lessons.title": { one: "1 lesson kept:", other: "{count} lessons kept, newest first:" },
  "lessons.more": { one: "… and 1 older one.", other: "… and {count} older ones." },
  "lessons.none": "No lessons kept yet. After an action, write one: `{example}`",
  "lessons.none_tagged": "No lesson is tagged {tag} yet.",
  "lessons.tag_expected": "To filter lessons, write a tag with #, like `#picket` (you wrote “{found}”).",
  "lessons.burst": {
    one: "What the previous burst taught us (1 lesson):",
    other: "What the previous burst taught us ({count} lessons):",
  },
};

// Its keys are the text keys `t`, `UserError` and summaries accept anywhere (a misspelled key fails the build).
declare module "../../../src/kernel/i18n/catalog.js" {
  interface TextKeys extends Record<keyof typeof lessons, true> {}
}
