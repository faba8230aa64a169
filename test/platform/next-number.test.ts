import { nextNumber } from "../../src/platform/next-number.js";
import { openMigrated } from "../support/db.js";

describe("the next record number", () => {
  it("counts per room from 1, one past the highest held", () => {
    const { db } = openMigrated();
    const add = (room: string, number: number) =>
      db
        .prepare(
          "INSERT INTO decisions (room_id, number, text, recorded_by, recorded_at) VALUES (?, ?, 'x', '@a:t', 0)",
        )
        .run(room, number);
    expect(nextNumber(db, "decisions", "room_id", "!a:t")).toBe(1);
    add("!a:t", 1);
    add("!a:t", 7);
    add("!b:t", 1);
    expect(nextNumber(db, "decisions", "room_id", "!a:t")).toBe(8);
    expect(nextNumber(db, "decisions", "room_id", "!b:t")).toBe(2);
    db.close();
  });

  it("takes only plain table and column names", () => {
    const { db } = openMigrated();
    expect(() => nextNumber(db, "decisions; DROP TABLE decisions", "room_id", "!a:t")).toThrow(
      /not a table or column name/,
    );
    db.close();
  });
});
