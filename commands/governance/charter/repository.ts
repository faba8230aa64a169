import type { Db } from "../../../src/platform/db.js";
import { perDb } from "../../../src/platform/per-db.js";
import { nextNumber } from "../../../src/platform/next-number.js";
import type { ArticleText } from "./rules/article-text.js";

export interface Article extends ArticleText {
  id: number;
  number: number;
}

export interface Note {
  id: number;
  text: string;
  writtenBy: string;
  writtenAt: number;
}

export interface Version extends ArticleText {
  change: "start" | "add" | "amend" | "remove";
  decision: number | null;
  changedAt: number;
}

const statements = perDb((db) => ({
  current: db.prepare(
    "SELECT id, number, title, body FROM charter_articles WHERE room_id = ? AND removed_at IS NULL ORDER BY number",
  ),
  get: db.prepare(
    "SELECT id, number, title, body FROM charter_articles WHERE room_id = ? AND number = ? AND removed_at IS NULL",
  ),
  ever: db.prepare("SELECT id, number, title, body FROM charter_articles WHERE room_id = ? AND number = ?"),
  count: db.prepare("SELECT count(*) FROM charter_articles WHERE room_id = ?").pluck(),
  insert: db.prepare("INSERT INTO charter_articles (room_id, number, title, body) VALUES (?, ?, ?, ?)"),
  update: db.prepare("UPDATE charter_articles SET title = ?, body = ? WHERE id = ?"),
  remove: db.prepare("UPDATE charter_articles SET removed_at = ? WHERE id = ?"),
  version: db.prepare(
    "INSERT INTO charter_versions (article_id, change, title, body, decision, changed_at) VALUES (?, ?, ?, ?, ?, ?)",
  ),
  versions: db.prepare(
    "SELECT change, title, body, decision, changed_at FROM charter_versions WHERE article_id = ? ORDER BY changed_at, id",
  ),
  note: db.prepare("INSERT INTO charter_notes (article_id, text, written_by, written_at) VALUES (?, ?, ?, ?)"),
  openNotes: db.prepare(
    "SELECT id, text, written_by, written_at FROM charter_notes WHERE article_id = ? AND settled_at IS NULL ORDER BY written_at, id",
  ),
  openNotesCount: db
    .prepare(
      "SELECT count(*) FROM charter_notes n JOIN charter_articles a ON a.id = n.article_id WHERE a.room_id = ? AND a.removed_at IS NULL AND n.settled_at IS NULL",
    )
    .pluck(),
  changes: db
    .prepare(
      "SELECT count(*) FROM charter_versions v JOIN charter_articles a ON a.id = v.article_id WHERE a.room_id = ? AND v.change != 'start'",
    )
    .pluck(),
  settle: db.prepare("UPDATE charter_notes SET settled_at = ? WHERE article_id = ? AND settled_at IS NULL"),
}));

/** A room's charter: articles with every version kept, and the notes members write under them. */
export const charterRepo = perDb((db: Db) => {
  const s = statements(db);
  const addVersion = (article: Article, change: Version["change"], decision: number | null, at: number) =>
    s.version.run(article.id, change, article.title, article.body, decision, at);
  return {
    current: (roomId: string) => s.current.all(roomId) as Article[],
    get: (roomId: string, number: number) => s.get.get(roomId, number) as Article | undefined,
    /** Also an article that was removed: its history stays readable. */
    ever: (roomId: string, number: number) => s.ever.get(roomId, number) as Article | undefined,
    started: (roomId: string) => (s.count.get(roomId) as number) > 0,
    add(roomId: string, text: ArticleText, change: "start" | "add", decision: number | null, at: number): Article {
      const number = nextNumber(db, "charter_articles", "room_id", roomId);
      s.insert.run(roomId, number, text.title, text.body);
      const article = s.get.get(roomId, number) as Article;
      addVersion(article, change, decision, at);
      return article;
    },
    amend(article: Article, text: ArticleText, decision: number | null, at: number): Article {
      s.update.run(text.title, text.body, article.id);
      const amended = { ...article, ...text };
      addVersion(amended, "amend", decision, at);
      s.settle.run(at, article.id);
      return amended;
    },
    remove(article: Article, decision: number | null, at: number): void {
      s.remove.run(at, article.id);
      addVersion(article, "remove", decision, at);
      s.settle.run(at, article.id);
    },
    versions: (article: Article) =>
      (
        s.versions.all(article.id) as {
          change: Version["change"];
          title: string;
          body: string;
          decision: number | null;
          changed_at: number;
        }[]
      ).map(
        (v): Version => ({
          change: v.change,
          title: v.title,
          body: v.body,
          decision: v.decision,
          changedAt: v.changed_at,
        }),
      ),
    note: (article: Article, text: string, by: string, at: number) => void s.note.run(article.id, text, by, at),
    openNotes: (article: Article) =>
      (s.openNotes.all(article.id) as { id: number; text: string; written_by: string; written_at: number }[]).map(
        (n): Note => ({ id: n.id, text: n.text, writtenBy: n.written_by, writtenAt: n.written_at }),
      ),
    openNotesCount: (roomId: string) => s.openNotesCount.get(roomId) as number,
    /** The charter's version: 1 for the first draft, one more for each adopted change. */
    changes: (roomId: string) => 1 + (s.changes.get(roomId) as number),
  };
});

export type CharterRepo = ReturnType<typeof charterRepo>;
