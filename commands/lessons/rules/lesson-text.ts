import { err, ok, type Result } from "../../../src/kernel/result.js";

/** What a member wrote as a lesson: the text as written, and its `#tags` (lower-cased, each once). */
export interface LessonText {
  text: string;
  tags: string[];
}

const TAG = /(^|\s)#([\p{L}\p{N}_-]{1,40})(?=\s|$|[.,;:!?])/gu;

/** Tags stay in the text (they read naturally there) and are also kept apart to filter by. */
export function readLesson(raw: string): Result<LessonText, "empty"> {
  const text = raw.replace(/\s+/g, " ").trim();
  if (!/[\p{L}\p{N}]/u.test(text.replace(TAG, " "))) return err("empty");
  const tags: string[] = [];
  for (const m of text.matchAll(TAG)) {
    const tag = (m[2] ?? "").toLocaleLowerCase();
    if (!tags.includes(tag)) tags.push(tag);
  }
  return ok({ text, tags });
}

/** `#Picket` → "picket"; undefined when the word is not a tag. */
export function tagOf(word: string): string | undefined {
  const m = /^#([\p{L}\p{N}_-]{1,40})$/u.exec(word);
  return m ? (m[1] ?? "").toLocaleLowerCase() : undefined;
}
