import { Writable } from "node:stream";
import { createLogger } from "../../../src/platform/log.js";
import { formatSdkLine, sdkLogger } from "../../../src/transport/matrix/sdk-logger.js";

describe("matrix-js-sdk's log lines", () => {
  it("are formatted like console.log: placeholders are filled, not printed", () => {
    const err = Object.assign(new Error("fetch failed"), { name: "ConnectionError" });
    expect(formatSdkLine(["/sync error %s", err])).toBe("/sync error ConnectionError: fetch failed");
    expect(formatSdkLine(["%s of %d keys, 100%%", "uploaded", 12])).toBe("uploaded of 12 keys, 100%");
    expect(formatSdkLine(["plain", "words", 3])).toBe("plain words 3");
  });

  it("never carry objects, and stay short", () => {
    expect(formatSdkLine(["event %s", { content: { body: "secret words" } }])).toBe("event …");
    expect(formatSdkLine(["x".repeat(900)])).toHaveLength(500);
  });

  it("go through the logger's id redaction, errors as warnings", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const sdk = sdkLogger(createLogger("debug", sink)).getChild("[SyncApi]");
    sdk.error("/sync error %s", Object.assign(new Error("no route to @mo:example.org"), { name: "ConnectionError" }));
    const line = JSON.parse(lines[0]!) as { level: number; msg: string; component: string };
    expect(line).toMatchObject({ level: 40, component: "matrix-sdk.[SyncApi]" });
    expect(line.msg).toMatch(/^\/sync error ConnectionError: no route to user-[0-9a-f]{10}$/);
  });
});
