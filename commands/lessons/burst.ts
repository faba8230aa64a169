import type { RenderContext } from "../../src/kernel/command.js";
import { list, p, type Block } from "../../src/kernel/doc.js";
import type { Db } from "../../src/platform/db.js";
import { lessonLine } from "./render.js";
import { lessonsRepo, type Lesson } from "./repository.js";

/** The lessons a new burst carries from the previous one. */
export interface BurstKernel {
  lessons: Lesson[];
  /** Whether an earlier burst is known at all (the first one has nothing to carry). */
  hadPrevious: boolean;
}

/** What the tempo command asks of lessons when a burst starts. */
export function burstLessons(db: Db) {
  const repo = lessonsRepo(db);
  return {
    /** Remembers that a burst starts now; the lessons recorded since the previous burst started. */
    burstStarted(roomId: string, now: number): BurstKernel {
      const previous = repo.burstStarted(roomId, now);
      return {
        lessons: previous === undefined ? [] : repo.between(roomId, previous, now),
        hadPrevious: previous !== undefined,
      };
    },
  };
}

export type BurstLessons = ReturnType<typeof burstLessons>;

/** The block appended to the burst's reply: nothing when there is nothing to carry. */
export function burstKernelBlocks(kernel: BurstKernel | undefined, view: RenderContext): Block[] {
  if (!kernel || kernel.lessons.length === 0) return [];
  return [
    p(...view.t.t("lessons.burst", { count: kernel.lessons.length })),
    list(kernel.lessons.map((lesson) => lessonLine(lesson, view))),
  ];
}
