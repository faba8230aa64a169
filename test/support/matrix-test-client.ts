/**
 * A second Matrix client for the end-to-end tests: matrix-js-sdk with its own device and Rust
 * crypto, as a member of a committee would use through Element. It runs as its own Node process
 * (the crypto WASM and fake-indexeddb globals stay out of jest's module sandbox) and is driven
 * over stdin/stdout, one JSON object per line: {id, op, ...args} in, {id, ok, result|error} out.
 */
import "fake-indexeddb/auto";
import { createInterface } from "node:readline";
import { decryptAttachment, type IEncryptedFile } from "matrix-encrypt-attachment";
import {
  ClientEvent,
  createClient,
  EventType,
  MatrixEvent,
  MatrixEventEvent,
  Method,
  MsgType,
  Preset,
  RelationType,
  RoomEvent,
  SyncState,
  MatrixError,
  type MatrixClient,
} from "matrix-js-sdk";
import type { AuthDict } from "matrix-js-sdk/lib/interactive-auth.js";

export interface SeenMessage {
  eventId: string;
  roomId: string;
  sender: string;
  /** When the sender's homeserver received it (origin_server_ts). */
  originServerTs: number;
  /** The type as it travelled: m.room.encrypted for an encrypted message. */
  wireType: string;
  type: string;
  decryptionFailed: boolean;
  msgtype?: string;
  body?: string;
  formattedBody?: string;
  mentions?: unknown;
  relatesTo?: unknown;
  /** A file message: its name, its info, and where its bytes are (`file` encrypted, `url` plain). */
  filename?: string;
  info?: Record<string, unknown>;
  file?: Record<string, unknown>;
  url?: string;
  /** A poll start (org.matrix.msc3381.poll.start or m.poll.start), as Element reads it. */
  poll?: SeenPoll;
  /** A poll end: the poll it ends (its text is in `body`). */
  endsPoll?: string;
  /** A structured event between Tandems (org.tandem.*): its whole decrypted content, to inspect what crossed. */
  content?: Record<string, unknown>;
}

export interface SeenPoll {
  question: string;
  kind: string;
  maxSelections: number;
  answers: { id: string; text: string }[];
}

const POLL_START = ["org.matrix.msc3381.poll.start", "m.poll.start"];
const POLL_END = ["org.matrix.msc3381.poll.end", "m.poll.end"];
/** Extensible-events text, unstable name first as Element writes it. */
const textOf = (c: unknown): string | undefined => {
  const o = (c ?? {}) as Record<string, unknown>;
  const t = o["org.matrix.msc1767.text"] ?? o["m.text"];
  return typeof t === "string" ? t : undefined;
};

function pollOf(type: string, content: Record<string, unknown>): SeenPoll | undefined {
  if (!POLL_START.includes(type)) return undefined;
  const start = (content["org.matrix.msc3381.poll.start"] ?? content["m.poll.start"]) as
    | Record<string, unknown>
    | undefined;
  if (!start) return undefined;
  const answers = Array.isArray(start.answers) ? (start.answers as Record<string, unknown>[]) : [];
  return {
    question: textOf(start.question) ?? "",
    kind: String(start.kind),
    maxSelections: typeof start.max_selections === "number" ? start.max_selections : 1,
    answers: answers.map((a) => ({ id: String(a.id), text: textOf(a) ?? "" })),
  };
}

let client: MatrixClient | undefined;
const seen = new Map<string, SeenMessage>();
/** Told of every message as it is first seen: the benchmarks time answers without polling. */
const watchers = new Set<(message: SeenMessage) => void>();
const silent = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, getChild: () => silent };

function record(event: MatrixEvent): void {
  const roomId = event.getRoomId();
  const eventId = event.getId();
  if (!roomId || !eventId || eventId.startsWith("~")) return;
  const shown = [EventType.RoomMessageEncrypted, EventType.RoomMessage, ...POLL_START, ...POLL_END] as string[];
  if (!shown.includes(event.getWireType())) return;
  // Not yet decrypted: recorded once it is (or once decryption failed), never half-way.
  if (event.isBeingDecrypted() || event.shouldAttemptDecryption()) return;
  const content = event.getContent() as Record<string, unknown>;
  const first = !seen.has(eventId) || seen.get(eventId)!.type !== event.getType();
  seen.set(eventId, {
    eventId,
    roomId,
    sender: event.getSender() ?? "",
    originServerTs: event.getTs(),
    wireType: event.getWireType(),
    type: event.getType(),
    decryptionFailed: event.isDecryptionFailure(),
    ...(typeof content.msgtype === "string" ? { msgtype: content.msgtype } : {}),
    ...(typeof content.body === "string"
      ? { body: content.body }
      : textOf(content) !== undefined
        ? { body: textOf(content) }
        : {}),
    ...(typeof content.formatted_body === "string" ? { formattedBody: content.formatted_body } : {}),
    ...(content["m.mentions"] !== undefined ? { mentions: content["m.mentions"] } : {}),
    ...(content["m.relates_to"] !== undefined ? { relatesTo: content["m.relates_to"] } : {}),
    ...(typeof content.filename === "string" ? { filename: content.filename } : {}),
    ...(content.info !== undefined ? { info: content.info as Record<string, unknown> } : {}),
    ...(content.file !== undefined ? { file: content.file as Record<string, unknown> } : {}),
    ...(typeof content.url === "string" ? { url: content.url } : {}),
    ...(pollOf(event.getType(), content) ? { poll: pollOf(event.getType(), content)! } : {}),
    ...(POLL_END.includes(event.getType())
      ? { endsPoll: event.relationEventId ?? event.getWireContent()["m.relates_to"]?.event_id }
      : {}),
    ...(event.getType().startsWith("org.tandem.") ? { content } : {}),
  });
  if (first) for (const watch of watchers) watch(seen.get(eventId)!);
}

/** Resolves once `count` new messages from `sender` arrived in `rooms`, with the time it took since `start`. */
function arrivals(
  rooms: string[],
  sender: string,
  count: number,
  start: number,
  timeoutMs: number,
): Promise<{ ms: number; at: number }> {
  return new Promise((resolve, reject) => {
    let got = 0;
    const wanted = new Set(rooms);
    const timer = setTimeout(() => {
      watchers.delete(watch);
      reject(new Error(`timed out with ${got} of ${count} answers`));
    }, timeoutMs);
    const watch = (m: SeenMessage) => {
      if (m.sender !== sender || !wanted.has(m.roomId) || ++got < count) return;
      clearTimeout(timer);
      watchers.delete(watch);
      resolve({ ms: performance.now() - start, at: Date.now() });
    };
    watchers.add(watch);
  });
}

/** The homeserver's password prompt (user-interactive auth), answered as Element does for its own user. */
function withPassword(userId: string, password: string) {
  return async (makeRequest: (auth: AuthDict | null) => Promise<void>): Promise<void> => {
    try {
      await makeRequest(null);
    } catch (err) {
      const session =
        err instanceof MatrixError && err.httpStatus === 401 ? (err.data as { session?: string }).session : undefined;
      if (session === undefined) throw err;
      await makeRequest({
        type: "m.login.password",
        identifier: { type: "m.id.user", user: userId },
        password,
        session,
      });
    }
  };
}

function need(): MatrixClient {
  if (!client) throw new Error("init first");
  return client;
}

async function until<T>(
  what: string,
  timeoutMs: number,
  probe: () => T | undefined | Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

type Args = Record<string, unknown>;

const ops: Record<string, (args: Args) => Promise<unknown>> = {
  async init(args) {
    client = createClient({
      baseUrl: args.baseUrl as string,
      userId: args.userId as string,
      accessToken: args.accessToken as string,
      deviceId: args.deviceId as string,
      logger: silent,
    });
    await client.initRustCrypto({ useIndexedDB: true, cryptoDatabasePrefix: `test-${args.deviceId as string}` });
    client.on(RoomEvent.Timeline, (event) => {
      record(event);
      if (event.isBeingDecrypted() || event.shouldAttemptDecryption())
        event.once(MatrixEventEvent.Decrypted, () => record(event));
    });
    client.on(MatrixEventEvent.Decrypted, record);
    const prepared = new Promise<void>((resolve) =>
      client!.on(ClientEvent.Sync, (state) => {
        if (state === SyncState.Prepared) resolve();
      }),
    );
    await client.startClient({ initialSyncLimit: 50 });
    await prepared;
    // As Element does at a member's first login: her own identity, signing this device. A second
    // login that is never verified from the first (a phished password) passes crossSign: false.
    if (args.crossSign !== false)
      await client.getCrypto()!.bootstrapCrossSigning({
        authUploadDeviceSigningKeys: withPassword(args.userId as string, args.password as string),
      });
    return { deviceId: client.getDeviceId() };
  },

  /** "Reset your identity" in Element: a new cross-signing identity, signing only this device. */
  async resetIdentity(args) {
    const c = need();
    await c.getCrypto()!.bootstrapCrossSigning({
      setupNewCrossSigning: true,
      authUploadDeviceSigningKeys: withPassword(c.getUserId()!, args.password as string),
    });
    return {};
  },

  async createRoom(args) {
    const c = need();
    const initialState = args.encrypted
      ? [{ type: EventType.RoomEncryption, state_key: "", content: { algorithm: "m.megolm.v1.aes-sha2" } }]
      : [];
    const { room_id } = await c.createRoom({
      name: args.name as string,
      preset: Preset.PrivateChat,
      invite: (args.invite as string[] | undefined) ?? [],
      initial_state: initialState,
      // As Element does for a direct chat: the invitee's membership carries is_direct.
      ...(args.direct ? { is_direct: true } : {}),
    });
    await until("the new room in sync", 20_000, () => (c.getRoom(room_id) ? true : undefined));
    return { roomId: room_id };
  },

  async invite(args) {
    await need().invite(args.roomId as string, args.userId as string);
    return {};
  },

  async join(args) {
    const c = need();
    await c.joinRoom(args.roomId as string);
    await until("the joined room in sync", 20_000, () =>
      c.getRoom(args.roomId as string)?.getMyMembership() === "join" ? true : undefined,
    );
    return {};
  },

  async leave(args) {
    await need().leave(args.roomId as string);
    return {};
  },

  async waitMembership(args) {
    const c = need();
    const { roomId, userId, membership } = args as { roomId: string; userId: string; membership: string };
    await until(`${userId} to be ${membership}`, (args.timeoutMs as number) ?? 30_000, () =>
      c.getRoom(roomId)?.getMember(userId)?.membership === membership ? true : undefined,
    );
    return {};
  },

  async send(args) {
    const c = need();
    const content: Record<string, unknown> = { msgtype: "m.text", body: args.text as string };
    if (args.html) Object.assign(content, { format: "org.matrix.custom.html", formatted_body: args.html });
    if (args.mentions) content["m.mentions"] = { user_ids: args.mentions };
    const threadRoot = args.threadRoot as string | undefined;
    if (threadRoot)
      content["m.relates_to"] = {
        rel_type: "m.thread",
        event_id: threadRoot,
        is_falling_back: true,
        "m.in_reply_to": { event_id: threadRoot },
      };
    else if (args.replyTo) content["m.relates_to"] = { "m.in_reply_to": { event_id: args.replyTo } };
    const { event_id } = await c.sendEvent(
      args.roomId as string,
      threadRoot ?? null,
      EventType.RoomMessage,
      content as never,
    );
    return { eventId: event_id };
  },

  /**
   * A reaction as clients send it: `encrypted: false` like Element Web (matrix-js-sdk keeps
   * reactions in the clear, even in encrypted rooms), `encrypted: true` like Element X (an
   * m.room.encrypted event whose relation stays in the clear wrapper).
   */
  async react(args) {
    const c = need();
    const { roomId, eventId, key, encrypted } = args as {
      roomId: string;
      eventId: string;
      key: string;
      encrypted?: boolean;
    };
    const content = { "m.relates_to": { rel_type: RelationType.Annotation as const, event_id: eventId, key } };
    if (!encrypted) {
      const { event_id } = await c.sendEvent(roomId, EventType.Reaction, content);
      return { eventId: event_id };
    }
    const room = c.getRoom(roomId)!;
    const txnId = `reaction-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const event = new MatrixEvent({
      type: EventType.Reaction,
      content,
      room_id: roomId,
      sender: c.getUserId()!,
      event_id: `~${roomId}:${txnId}`,
      origin_server_ts: Date.now(),
    });
    const crypto = c.getCrypto() as unknown as { encryptEvent(event: MatrixEvent, room: unknown): Promise<void> };
    await crypto.encryptEvent(event, room);
    const wire = { ...event.getWireContent(), "m.relates_to": content["m.relates_to"] };
    const path = `/rooms/${encodeURIComponent(roomId)}/send/${event.getWireType()}/${txnId}`;
    const { event_id } = await c.http.authedRequest<{ event_id: string }>(Method.Put, path, undefined, wire);
    return { eventId: event_id, wireType: event.getWireType() };
  },

  /**
   * An answer to a poll as Element Web sends it (matrix-events-sdk's PollResponseEvent): an
   * org.matrix.msc3381.poll.response referring to the poll, encrypted in an encrypted room.
   */
  async answerPoll(args) {
    const { roomId, pollEventId, answerIds } = args as { roomId: string; pollEventId: string; answerIds: string[] };
    const content = {
      "m.relates_to": { rel_type: RelationType.Reference, event_id: pollEventId },
      "org.matrix.msc3381.poll.response": { answers: answerIds },
    };
    const { event_id } = await need().sendEvent(roomId, "org.matrix.msc3381.poll.response" as never, content as never);
    return { eventId: event_id };
  },

  /** An answer to a poll in the stable form (MSC3381 as merged): an m.poll.response with `m.selections`. */
  async answerPollStable(args) {
    const { roomId, pollEventId, answerIds } = args as { roomId: string; pollEventId: string; answerIds: string[] };
    const content = {
      "m.relates_to": { rel_type: RelationType.Reference, event_id: pollEventId },
      "m.selections": answerIds,
    };
    const { event_id } = await need().sendEvent(roomId, "m.poll.response" as never, content as never);
    return { eventId: event_id };
  },

  /**
   * The bytes of a file message, as Element gets them: downloaded through the authenticated media
   * endpoint and, for an encrypted file, decrypted with its EncryptedFile (hash checked). Base64.
   */
  async downloadFile(args) {
    const c = need();
    const message = seen.get(args.eventId as string);
    const mxc = (message?.file?.url as string | undefined) ?? message?.url;
    if (!mxc) throw new Error("not a file message");
    const [server, mediaId] = mxc.replace(/^mxc:\/\//, "").split("/");
    const url = `${c.getHomeserverUrl()}/_matrix/client/v1/media/download/${encodeURIComponent(server!)}/${encodeURIComponent(mediaId!)}`;
    const response = await fetch(url, { headers: { Authorization: `Bearer ${c.getAccessToken()}` } });
    if (!response.ok) throw new Error(`download failed: ${response.status}`);
    const data = await response.arrayBuffer();
    const plain = message!.file ? await decryptAttachment(data, message!.file as unknown as IEncryptedFile) : data;
    return { base64: Buffer.from(plain).toString("base64"), uploadedBytes: data.byteLength };
  },

  /** An m.room.encrypted event for a megolm session nobody has: no one can ever decrypt it. */
  async sendUndecryptable(args) {
    const c = need();
    const content = {
      algorithm: "m.megolm.v1.aes-sha2",
      sender_key: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ",
      session_id: "unknownsessionunknownsessionunknownsession1",
      device_id: c.getDeviceId(),
      ciphertext:
        "AwgAEnACgAkLmt6qF84IK++J7UDH2Za1YVchHyprqTqsg2yyOwAtHaZTwyNg37afzg8f3r9IsN9r4RNFg7MaZencUJe4qvELiDiopUXy5xP+kq08AtDMxUjvMV1jlShInt5qqWd+/3WYKeyPlQanKChmlH0",
    };
    const path = `/rooms/${encodeURIComponent(args.roomId as string)}/send/m.room.encrypted/undecryptable-${Date.now()}`;
    const { event_id } = await c.http.authedRequest<{ event_id: string }>(Method.Put, path, undefined, content);
    return { eventId: event_id };
  },

  /** Messages seen in a room, optionally only from one sender, waiting until at least `count`. */
  async messages(args) {
    const { roomId, sender } = args as { roomId: string; sender?: string };
    const count = (args.count as number | undefined) ?? 0;
    return until(`${count} messages in the room`, (args.timeoutMs as number) ?? 30_000, () => {
      const list = [...seen.values()].filter((m) => m.roomId === roomId && (!sender || m.sender === sender));
      return list.length >= count ? list : undefined;
    });
  },

  /** Sends one message and times the first answer from `sender`, measured inside this process. */
  async roundTrip(args) {
    const { roomId, text, sender } = args as { roomId: string; text: string; sender: string };
    const start = performance.now();
    const answered = arrivals([roomId], sender, 1, start, (args.timeoutMs as number) ?? 30_000);
    await need().sendEvent(roomId, EventType.RoomMessage, { msgtype: MsgType.Text, body: text });
    return answered;
  },

  /** Waits for the next message from `sender` in a room (a scheduled post), with the wall-clock time it arrived. */
  async nextMessage(args) {
    const { roomId, sender } = args as { roomId: string; sender: string };
    return arrivals([roomId], sender, 1, performance.now(), (args.timeoutMs as number) ?? 120_000);
  },

  /** Sends `perRoom` messages into every room at once, and times the last of their answers. */
  async burst(args) {
    const { rooms, perRoom, text, sender } = args as { rooms: string[]; perRoom: number; text: string; sender: string };
    const start = performance.now();
    const answered = arrivals(rooms, sender, rooms.length * perRoom, start, (args.timeoutMs as number) ?? 600_000);
    const c = need();
    await Promise.all(
      rooms.map(async (roomId) => {
        for (let i = 0; i < perRoom; i++)
          await c.sendEvent(roomId, EventType.RoomMessage, { msgtype: MsgType.Text, body: `${text} ${i + 1}` });
      }),
    );
    return answered;
  },

  async deviceVerification(args) {
    const c = need();
    const crypto = c.getCrypto()!;
    const { userId, deviceId } = args as { userId: string; deviceId: string };
    await crypto.getUserDeviceInfo([userId], true);
    const status = await crypto.getDeviceVerificationStatus(userId, deviceId);
    return status && { signedByOwner: status.signedByOwner, crossSigningVerified: status.crossSigningVerified };
  },

  async userDevices(args) {
    const map = await need()
      .getCrypto()!
      .getUserDeviceInfo([args.userId as string], true);
    return [...(map.get(args.userId as string)?.keys() ?? [])];
  },

  async stop() {
    client?.stopClient();
    setTimeout(() => process.exit(0), 50);
    return {};
  },
};

// The sdk logs through console; the protocol owns stdout.
console.log = console.info = console.debug = console.warn = console.error = () => {};

createInterface({ input: process.stdin }).on("line", (line) => {
  const { id, op, ...args } = JSON.parse(line) as { id: number; op: string } & Args;
  const run = ops[op];
  (run ? run(args) : Promise.reject(new Error(`unknown op ${op}`))).then(
    (result) => process.stdout.write(JSON.stringify({ id, ok: true, result }) + "\n"),
    (error: unknown) =>
      process.stdout.write(
        JSON.stringify({ id, ok: false, error: error instanceof Error ? error.message : String(error) }) + "\n",
      ),
  );
});
