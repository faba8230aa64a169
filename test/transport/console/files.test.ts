import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PassThrough } from "node:stream";
import { doc, p } from "../../../src/kernel/doc.js";
import { ConsoleTransport, consoleRoomId } from "../../../src/transport/console/console.js";

describe("console attachments", () => {
  it("writes a file beside the database, readable by its owner only, and prints its path after the text", async () => {
    const filesDir = join(mkdtempSync(join(tmpdir(), "tandem-files-")), "data", "files");
    const output = new PassThrough();
    const transport = new ConsoleTransport({ user: "ana", room: "cell", moderators: [], output, filesDir });
    const bytes = Buffer.from("%PDF-1.3 pretend");
    const message = {
      key: "reply:$e1:1",
      roomId: consoleRoomId("cell"),
      kind: "notice",
      doc: {
        ...doc(p("decisions-2026-12-01.pdf")),
        attachment: {
          fileName: "../decisions 2026-12-01.pdf",
          mimeType: "application/pdf",
          base64: bytes.toString("base64"),
        },
      },
    };
    await transport.send(message as Parameters<ConsoleTransport["send"]>[0]);
    const [text, path] = String(output.read()).trimEnd().split("\n");
    expect(text).toBe("decisions-2026-12-01.pdf");
    expect(path).toMatch(new RegExp(`^${filesDir}/cell-console-[0-9a-f]{8}/decisions-2026-12-01-[0-9a-f]{8}\\.pdf$`));
    expect(readFileSync(path!)).toEqual(bytes);
    expect(statSync(path!).mode & 0o777).toBe(0o600);
    expect(statSync(filesDir).mode & 0o777).toBe(0o700);
    expect(statSync(dirname(path!)).mode & 0o777).toBe(0o700);
    await transport.send(message as Parameters<ConsoleTransport["send"]>[0]);
    expect(String(output.read()).trimEnd().split("\n")[1]).toBe(path);
  });

  it("prints the path where a file is instead of a caption that is only its name (!charter print)", async () => {
    const filesDir = join(mkdtempSync(join(tmpdir(), "tandem-files-")), "files");
    const output = new PassThrough();
    const transport = new ConsoleTransport({ user: "ana", room: "cell", moderators: [], output, filesDir });
    const attachment = {
      fileName: "charter-2026-12-06.pdf",
      mimeType: "application/pdf",
      base64: Buffer.from("%PDF").toString("base64"),
    };
    const message = {
      key: "reply:$e2:1",
      roomId: consoleRoomId("cell"),
      kind: "reply",
      doc: { ...doc(p("charter-2026-12-06.pdf")), attachment },
    };
    await transport.send(message as Parameters<ConsoleTransport["send"]>[0]);
    expect(String(output.read()).trimEnd()).toMatch(
      new RegExp(`^${filesDir}/[^/]+/charter-2026-12-06-[0-9a-f]{8}\\.pdf$`),
    );
  });
});
