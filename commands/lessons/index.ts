import { defineFeature } from "../../src/kernel/feature.js";
import type { Db } from "../../src/platform/db.js";
import { type Lesson, lessonsRepo } from "./repository.js";
import { lessonCommands } from "./commands.js";
import { lessonPosts } from "./posts.js";
import { lessonsRoomData } from "./room-data.js";
import { lessonServices, type LessonSlice } from "./services.js";
import { lessons as en } from "./texts/en.js";
import { lessons as es } from "./texts/es.js";

/** Lessons: every action leaves data for the next one — asked the morning after, carried into the next burst. */
export const lessons = defineFeature<LessonSlice, (typeof names)[number]>({
  name: "lessons",
  services: lessonServices,
  commands: lessonCommands,
  posts: lessonPosts,
  roomData: [lessonsRoomData],
  texts: { en, es },
});

// What other features use: care plans plan the prompt, tempo shows the lessons a burst carries.
export { scheduleLessonPrompt } from "./posts.js";
/** A cell shares one of its lessons with its assembly after a day of action (federation reads it, never the table). */
export const lessonOf = (
  db: Db,
  roomId: string,
  number: number,
): Pick<Lesson, "number" | "plan" | "text"> | undefined => lessonsRepo(db).get(roomId, number);
export { burstKernelBlocks, burstLessons, type BurstKernel, type BurstLessons } from "./burst.js";

/** The canonical names of this feature's commands: what hints anywhere may name (commands/index.ts checks them). */
const names = ["lesson", "lessons"] as const;

declare module "../../src/kernel/command.js" {
  interface CommandNames extends Record<(typeof names)[number], true> {}
}
