import { decryptAttachment, type IEncryptedFile } from "matrix-encrypt-attachment";
import type { MatrixClient } from "matrix-js-sdk";
import { doc, p } from "../../../src/kernel/doc.js";
import type { OutgoingMessage } from "../../../src/kernel/port.js";
import { sendAttachment, type AttachmentSender } from "../../../src/transport/matrix/attachments.js";

const PNG = Buffer.from("89504e470d0a1a0a-poster", "utf8");
const THUMB = Buffer.from("89504e470d0a1a0a-thumb", "utf8");

function fakeSender(encrypted: boolean, allowPlainText = false) {
  const uploads: { bytes: Buffer; type?: string; includeFilename?: boolean }[] = [];
  const sent: Record<string, unknown>[] = [];
  const client = {
    async uploadContent(blob: Blob, opts: { type?: string; includeFilename?: boolean }) {
      uploads.push({ bytes: Buffer.from(await blob.arrayBuffer()), ...opts });
      return { content_uri: `mxc://test.org/m${uploads.length}` };
    },
  } as unknown as MatrixClient;
  const sender: AttachmentSender = {
    client,
    ready: Promise.resolve(),
    allowPlainText,
    isRoomEncrypted: async () => encrypted,
    sendContent: async (content) => (sent.push(content as unknown as Record<string, unknown>), "$sent"),
  };
  return { sender, uploads, sent };
}

const poster: OutgoingMessage = {
  id: 1,
  roomId: "!cell:test.org",
  key: "reply:$e1:1",
  kind: "reply",
  replyToEventId: "$e1",
  doc: {
    ...doc(p("Assembly on Thursday at 19:00")),
    attachment: {
      fileName: "poster.png",
      mimeType: "image/png",
      base64: PNG.toString("base64"),
      image: {
        width: 1240,
        height: 1754,
        thumbnail: { mimeType: "image/png", base64: THUMB.toString("base64"), width: 200, height: 283 },
      },
    },
  },
};

const bytesOf = (buffer: Buffer) =>
  buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;

describe("matrix attachments", () => {
  it("sends an image with its caption, encrypting the file and its thumbnail before they are uploaded", async () => {
    const { sender, uploads, sent } = fakeSender(true);
    expect(await sendAttachment(sender, poster, poster.doc.attachment!)).toBe("$sent");
    expect(uploads.map((u) => [u.type, u.includeFilename])).toEqual([
      ["application/octet-stream", false],
      ["application/octet-stream", false],
    ]);
    expect(uploads.some((u) => u.bytes.equals(PNG) || u.bytes.equals(THUMB))).toBe(false);
    const [content] = sent as [Record<string, any>];
    expect(content).toMatchObject({
      msgtype: "m.image",
      filename: "poster.png",
      body: "Assembly on Thursday at 19:00",
      "m.relates_to": { "m.in_reply_to": { event_id: "$e1" } },
    });
    expect(content.url).toBeUndefined();
    expect(content.info).toMatchObject({
      mimetype: "image/png",
      size: PNG.length,
      w: 1240,
      h: 1754,
      thumbnail_info: { mimetype: "image/png", size: THUMB.length, w: 200, h: 283 },
    });
    const decrypt = async (file: IEncryptedFile & { url: string }) =>
      Buffer.from(await decryptAttachment(bytesOf(uploads[Number(file.url.slice(-1)) - 1]!.bytes), file));
    expect(await decrypt(content.file)).toEqual(PNG);
    expect(await decrypt(content.info.thumbnail_file)).toEqual(THUMB);
  });

  it("uploads plainly with a url only in an unencrypted room that is allowed, and refuses otherwise before uploading", async () => {
    const file: OutgoingMessage = {
      ...poster,
      doc: {
        ...doc(p("report.pdf")),
        attachment: {
          fileName: "report.pdf",
          mimeType: "application/pdf",
          base64: Buffer.from("%PDF-").toString("base64"),
        },
      },
    };
    const plain = fakeSender(false, true);
    await sendAttachment(plain.sender, file, file.doc.attachment!);
    expect(plain.sent[0]).toMatchObject({
      msgtype: "m.file",
      body: "report.pdf",
      filename: "report.pdf",
      url: "mxc://test.org/m1",
      info: { mimetype: "application/pdf", size: 5 },
    });
    expect(plain.sent[0]).not.toHaveProperty("formatted_body");
    const refused = fakeSender(false, false);
    await expect(sendAttachment(refused.sender, file, file.doc.attachment!)).rejects.toThrow("M_ROOM_NOT_ENCRYPTED");
    expect(refused.uploads).toEqual([]);
  });
});
