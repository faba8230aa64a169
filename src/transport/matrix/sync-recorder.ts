import type { Inbox, RawEvent } from "./inbox.js";
import { POLL_RESPONSE_TYPES } from "./polls.js";

interface SyncEvent {
  event_id?: string;
  sender?: string;
  type?: string;
  state_key?: string;
  origin_server_ts?: number;
  content?: Record<string, unknown>;
  unsigned?: { prev_content?: { membership?: string } };
}

interface JoinedRoom {
  state?: { events?: SyncEvent[] };
  timeline?: { events?: SyncEvent[]; limited?: boolean; prev_batch?: string };
}

interface SyncBody {
  rooms?: { join?: Record<string, JoinedRoom> };
}

interface MessagesPage {
  chunk?: SyncEvent[];
  end?: string;
}

const BACKFILL_PAGE = 100;
const BACKFILL_MAX_PAGES = 20;

/**
 * Messages, reactions and poll answers (unencrypted rooms; in encrypted rooms they come as
 * m.room.encrypted); a reaction in an encrypted room may come encrypted or (Element Web) in the clear.
 */
const RECORDED_TYPES = new Set(["m.room.message", "m.room.encrypted", "m.reaction", ...POLL_RESPONSE_TYPES]);

function isMessage(e: SyncEvent, me: string): boolean {
  return RECORDED_TYPES.has(e.type ?? "") && e.state_key === undefined && e.sender !== me && !!e.event_id;
}

/**
 * Someone else became a member (from invited, left or never there: not a profile change). Only the
 * timeline's joins count: the state block of a first sync lists everyone ever there.
 */
function isJoinOfOther(e: SyncEvent, me: string): boolean {
  return (
    e.type === "m.room.member" &&
    !!e.state_key &&
    e.state_key !== me &&
    e.content?.membership === "join" &&
    e.unsigned?.prev_content?.membership !== "join" &&
    !!e.event_id
  );
}

function toRaw(e: SyncEvent, roomId: string): RawEvent {
  return {
    event_id: e.event_id!,
    room_id: roomId,
    sender: e.sender ?? "",
    type: e.type!,
    origin_server_ts: e.origin_server_ts ?? 0,
    content: e.content ?? {},
    ...(e.state_key !== undefined ? { state_key: e.state_key } : {}),
    ...(e.unsigned ? { unsigned: e.unsigned as Record<string, unknown> } : {}),
  };
}

/** Timestamp of the bot's latest join (not a profile change) among these events. */
function latestJoin(events: SyncEvent[], me: string): number | undefined {
  let latest: number | undefined;
  for (const e of events) {
    const isJoin = e.type === "m.room.member" && e.state_key === me && e.content?.membership === "join";
    if (isJoin && e.unsigned?.prev_content?.membership !== "join" && e.origin_server_ts !== undefined) {
      latest = Math.max(latest ?? 0, e.origin_server_ts);
    }
  }
  return latest;
}

/**
 * Writes the message events of a /sync response into the inbox before matrix-js-sdk processes it.
 * When an incremental sync says a room's timeline was cut ("limited", e.g. after the bot was down),
 * the missing events are fetched with /messages until a known event or the bot's join, so a burst
 * sent while the bot was away is complete. Events older than the bot's join are history, not commands.
 */
export function syncRecorder(inbox: Inbox, me: string, clock: () => number) {
  return async (body: unknown, incremental: boolean, authedGet: (path: string) => Promise<unknown>): Promise<void> => {
    const rooms = (body as SyncBody).rooms?.join ?? {};
    const recorded: RawEvent[] = [];
    for (const [roomId, room] of Object.entries(rooms)) {
      const timeline = room.timeline?.events ?? [];
      const joined = latestJoin([...(room.state?.events ?? []), ...timeline], me);
      if (joined !== undefined) inbox.recordJoin(roomId, joined);
      const joinedAt = inbox.joinedAt(roomId) ?? 0;
      let messages = timeline.filter((e) => isMessage(e, me) || isJoinOfOther(e, me));
      if (incremental && room.timeline?.limited && room.timeline.prev_batch) {
        messages = [...(await backfill(roomId, room.timeline.prev_batch, joinedAt)), ...messages];
      }
      recorded.push(...messages.filter((e) => (e.origin_server_ts ?? 0) >= joinedAt).map((e) => toRaw(e, roomId)));
    }
    if (recorded.length > 0) inbox.record(recorded, clock());

    async function backfill(roomId: string, from: string, joinedAt: number): Promise<SyncEvent[]> {
      const older: SyncEvent[] = [];
      let token: string | undefined = from;
      for (let page = 0; token && page < BACKFILL_MAX_PAGES; page++) {
        const query = new URLSearchParams({ dir: "b", from: token, limit: String(BACKFILL_PAGE) });
        const answer = (await authedGet(`/rooms/${encodeURIComponent(roomId)}/messages?${query}`)) as MessagesPage;
        const chunk = answer.chunk ?? [];
        for (const e of chunk) {
          if ((e.event_id && inbox.knows(e.event_id)) || (e.origin_server_ts ?? 0) < joinedAt) return older.reverse();
          if (isMessage(e, me)) older.push(e);
        }
        token = chunk.length > 0 ? answer.end : undefined;
      }
      return older.reverse();
    }
  };
}
