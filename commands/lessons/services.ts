import type { Db } from "../../src/platform/db.js";
import { lessonsRepo } from "./repository.js";

/** What lesson commands and the prompt work with: the room's lessons. */
export function lessonServices(db: Db) {
  return { lessons: lessonsRepo(db) };
}

export type LessonSlice = ReturnType<typeof lessonServices>;
