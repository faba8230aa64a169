import { Writable } from "node:stream";
import { createLogger, redactIds } from "../../src/platform/log.js";

const ids = {
  user: "@mo-42.x_y=z:matrix.example.org",
  userWithPort: "@ana:localhost:8448",
  room: "!AbCdEfGhIjKl:example.org",
  roomV12: "!Xyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyz",
  alias: "#kitchen:example.org",
  event: "$q9F8yqG4H-nbO_5bYB7ZVp8Qr2dEyA2XJOGYi8QzLmE",
  eventV1: "$1234abcd:example.org",
};

describe("ids in log lines", () => {
  it("replaces every kind of Matrix id with a short keyed hash, stable within the process", () => {
    for (const id of Object.values(ids)) {
      const line = `before ${id} after`;
      const redacted = redactIds(line);
      expect(redacted).not.toContain(id);
      expect(redacted).toMatch(/^before (user|room|alias|event)-[0-9a-f]{10} after$/);
      expect(redactIds(line)).toBe(redacted);
    }
    expect(redactIds(ids.user)).not.toBe(redactIds(ids.userWithPort));
    expect(redactIds(ids.room)).toMatch(/^room-/);
    expect(redactIds(ids.event)).toMatch(/^event-/);
  });

  it("hashes the percent-encoded form of a request path like the raw id, so one room can be followed", () => {
    const path = `/_matrix/client/v3/rooms/${encodeURIComponent(ids.room)}/members?not_membership=leave&at=${encodeURIComponent(ids.event)}`;
    const redacted = redactIds(path);
    expect(redacted).toBe(
      `/_matrix/client/v3/rooms/${redactIds(ids.room)}/members?not_membership=leave&at=${redactIds(ids.event)}`,
    );
    expect(redactIds(`/profile/${encodeURIComponent(ids.user)}/displayname`)).toBe(
      `/profile/${redactIds(ids.user)}/displayname`,
    );
  });

  it("leaves what is not an id alone: npm scopes in stack traces, e-mail addresses, matrix.to links keep their shape", () => {
    const frame = "at file:///app/node_modules/@matrix-org/matrix-sdk-crypto-wasm/index.mjs:12:34";
    expect(redactIds(frame)).toBe(frame);
    expect(redactIds("write to ops@example.org")).toBe("write to ops@example.org");
    expect(redactIds(`https://matrix.to/#/${ids.user}`)).toBe(`https://matrix.to/#/${redactIds(ids.user)}`);
  });

  it("applies to every line the logger writes, fields and messages, at every level", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createLogger("trace", sink);
    log.trace({ roomId: ids.room }, `sync of ${ids.room}`);
    log.debug(`FetchHttpApi: --> GET /rooms/${encodeURIComponent(ids.room)}/state`);
    log.warn({ eventId: ids.event, sender: ids.user }, "message cannot be decrypted yet");
    log.error({ err: { at: [`invite from ${ids.user} to ${ids.alias}`] } }, "failed");
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(() => JSON.parse(line)).not.toThrow();
      for (const id of Object.values(ids)) expect(line).not.toContain(id);
      expect(line).not.toMatch(/%40|%21|%24|AbCdEfGh|mo-42/);
    }
    expect(JSON.parse(lines[0]!).roomId).toBe(redactIds(ids.room));
  });
});
