import type { OpenedDatabase } from "../../../src/platform/db.js";
import { Inbox } from "../../../src/transport/matrix/inbox.js";
import { syncRecorder } from "../../../src/transport/matrix/sync-recorder.js";
import { openMigrated } from "../../support/db.js";

const ME = "@tandem:x";
let opened: OpenedDatabase;
let inbox: Inbox;

beforeEach(() => {
  opened = openMigrated();
  inbox = new Inbox(opened.db);
});
afterEach(() => opened.close());

const msg = (id: string, ts: number, sender = "@ana:x") => ({
  event_id: id,
  sender,
  type: "m.room.encrypted",
  origin_server_ts: ts,
  content: { ciphertext: "…" },
});
const myJoin = (ts: number) => ({
  event_id: `$join${ts}`,
  sender: ME,
  type: "m.room.member",
  state_key: ME,
  origin_server_ts: ts,
  content: { membership: "join" },
});
const noMessages = async () => {
  throw new Error("no backfill expected");
};

describe("recording incoming messages before the sync position moves", () => {
  test("messages of others after the bot's join are recorded; history, own messages and state are not", async () => {
    const record = syncRecorder(inbox, ME, () => 1);
    await record(
      {
        rooms: {
          join: {
            "!r": {
              timeline: {
                events: [
                  msg("$old", 5),
                  myJoin(10),
                  msg("$new", 11),
                  msg("$mine", 12, ME),
                  { ...myJoin(13), event_id: "$name", unsigned: { prev_content: { membership: "join" } } },
                ],
              },
            },
          },
        },
      },
      false,
      noMessages,
    );
    expect(inbox.open().map((r) => r.eventId)).toEqual(["$new"]);
    expect(inbox.joinedAt("!r")).toBe(10);
  });

  test("a redelivered event (sync replayed after a crash) is recorded once and a handled one stays closed", async () => {
    const record = syncRecorder(inbox, ME, () => 1);
    const sync = { rooms: { join: { "!r": { timeline: { events: [myJoin(1), msg("$a", 2)] } } } } };
    await record(sync, false, noMessages);
    inbox.finish(inbox.open()[0]!.seq, "done");
    await record(sync, true, noMessages);
    expect(inbox.open()).toEqual([]);
    expect(inbox.knows("$a")).toBe(true);
  });

  test("a cut (limited) timeline is completed from /messages back to the last known event", async () => {
    const record = syncRecorder(inbox, ME, () => 1);
    await record(
      { rooms: { join: { "!r": { timeline: { events: [myJoin(1), msg("$seen", 2)] } } } } },
      false,
      noMessages,
    );
    const asked: string[] = [];
    const pages: Record<string, unknown> = {
      p1: { chunk: [msg("$m5", 5), msg("$m4", 4)], end: "p2" },
      p2: { chunk: [msg("$m3", 3), msg("$seen", 2), msg("$never", 1)], end: "p3" },
    };
    await record(
      { rooms: { join: { "!r": { timeline: { limited: true, prev_batch: "p1", events: [msg("$m6", 6)] } } } } },
      true,
      async (path) => {
        asked.push(path);
        return pages[new URLSearchParams(path.split("?")[1]).get("from")!];
      },
    );
    expect(asked).toHaveLength(2);
    expect(asked[0]).toMatch(/^\/rooms\/!r\/messages\?dir=b&from=p1/);
    expect(inbox.open().map((r) => r.eventId)).toEqual(["$seen", "$m3", "$m4", "$m5", "$m6"]);
  });

  test("an undecryptable row stays open with the time it first failed", () => {
    inbox.record([{ ...msg("$u", 2), room_id: "!r" }], 1);
    const [row] = inbox.open();
    inbox.markUndecryptable(row!.seq, 100);
    inbox.markUndecryptable(row!.seq, 200);
    expect(inbox.open()[0]).toMatchObject({ state: "undecryptable", undecryptableAt: 100 });
    expect(inbox.hasUndecryptable()).toBe(true);
    inbox.finish(row!.seq, "abandoned");
    expect(inbox.open()).toEqual([]);
  });
});
