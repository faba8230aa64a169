import type { RenderContext } from "../../src/kernel/command.js";
import type { Inline } from "../../src/kernel/doc.js";
import { formatDay } from "../../src/kernel/time/format.js";
import type { Lesson } from "./repository.js";

/** "#4 (plan 3, Sunday 29 Mar): Bring water for the picket #logistics". */
export function lessonLine(lesson: Lesson, view: RenderContext): Inline[] {
  const day = formatDay(lesson.recordedAt, view.settings.timezone, view.t.lang, view.now);
  const key = lesson.plan === null ? "lesson.line" : "lesson.line.plan";
  return [
    { kind: "strong", text: `#${lesson.number}` },
    " ",
    ...view.t.t(key, { plan: lesson.plan ?? "", day, text: lesson.text }),
  ];
}
