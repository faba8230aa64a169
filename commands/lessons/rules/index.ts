export { lessonPromptAt, PROMPT_HOUR } from "./timing.js";
export { readLesson, tagOf, type LessonText } from "./lesson-text.js";
