import { encryptAttachment, type IEncryptedFile } from "matrix-encrypt-attachment";
import type { MatrixClient } from "matrix-js-sdk";
import type { Attachment } from "../../kernel/doc.js";
import { PermanentSendError } from "../../kernel/outbox/sender.js";
import type { OutgoingMessage } from "../../kernel/port.js";
import { renderMatrixContent, type MatrixMessageContent } from "./format.js";

/** What sending a file needs from the transport (passed in, so this file and the transport import in one direction). */
export interface AttachmentSender {
  client: MatrixClient;
  ready: Promise<void>;
  allowPlainText: boolean;
  isRoomEncrypted(roomId: string): Promise<boolean>;
  /** Sends the finished event content, encrypting it for an encrypted room. */
  sendContent(content: MatrixMessageContent): Promise<string>;
}

/** Where the bytes are: `file` (an EncryptedFile with its mxc url) in an encrypted room, `url` in a plain one. */
type Source = { file: IEncryptedFile & { url: string } } | { url: string };

interface FileInfo {
  mimetype: string;
  size: number;
  w?: number;
  h?: number;
  thumbnail_file?: IEncryptedFile & { url: string };
  thumbnail_url?: string;
  thumbnail_info?: { mimetype: string; size: number; w: number; h: number };
}

/**
 * An `m.file` (or `m.image`) message. In an encrypted room the bytes are encrypted on our side
 * (AES-CTR-256 with a fresh key, SHA-256 of the ciphertext: the spec's EncryptedFile) before the
 * upload, so the homeserver keeps only ciphertext; the key travels inside the Megolm-encrypted event.
 * The document's text is the caption (`body` beside `filename`, as the spec's media captions allow).
 */
export async function sendAttachment(
  sender: AttachmentSender,
  message: OutgoingMessage,
  attachment: Attachment,
): Promise<string> {
  await sender.ready;
  const encrypted = await sender.isRoomEncrypted(message.roomId);
  if (!encrypted && !sender.allowPlainText) throw new PermanentSendError("M_ROOM_NOT_ENCRYPTED");
  const bytes = Buffer.from(attachment.base64, "base64");
  const info: FileInfo = { mimetype: attachment.mimeType, size: bytes.length };
  const thumbnail = attachment.image?.thumbnail;
  if (attachment.image) Object.assign(info, { w: attachment.image.width, h: attachment.image.height });
  if (thumbnail) {
    const thumbBytes = Buffer.from(thumbnail.base64, "base64");
    const source = await upload(sender.client, thumbBytes, thumbnail.mimeType, encrypted);
    if ("file" in source) info.thumbnail_file = source.file;
    else info.thumbnail_url = source.url;
    info.thumbnail_info = {
      mimetype: thumbnail.mimeType,
      size: thumbBytes.length,
      w: thumbnail.width,
      h: thumbnail.height,
    };
  }
  const source = await upload(sender.client, bytes, attachment.mimeType, encrypted);
  const text = renderMatrixContent(message.doc, {
    kind: message.kind,
    ...(message.replyToEventId ? { replyToEventId: message.replyToEventId } : {}),
    ...(message.threadRootId ? { threadRootId: message.threadRootId } : {}),
  });
  const captioned = text.body.trim() !== "" && text.body.trim() !== attachment.fileName;
  const content = {
    ...text,
    msgtype: attachment.image ? "m.image" : "m.file",
    filename: attachment.fileName,
    body: captioned ? text.body : attachment.fileName,
    ...(captioned ? {} : { format: undefined, formatted_body: undefined }),
    info,
    ...source,
  };
  // The content is a file message, not a text one; sendContent only serialises and encrypts it.
  return sender.sendContent(JSON.parse(JSON.stringify(content)) as MatrixMessageContent);
}

async function upload(client: MatrixClient, bytes: Buffer, mimeType: string, encrypted: boolean): Promise<Source> {
  if (!encrypted) {
    const { content_uri } = await client.uploadContent(new Blob([bytes], { type: mimeType }), {
      type: mimeType,
      includeFilename: false,
    });
    return { url: content_uri };
  }
  const plain = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const { data, info } = await encryptAttachment(plain);
  // The ciphertext is uploaded with no name and no real type: neither may tell the server what it is.
  const { content_uri } = await client.uploadContent(new Blob([data], { type: "application/octet-stream" }), {
    type: "application/octet-stream",
    includeFilename: false,
  });
  return { file: { ...info, url: content_uri } };
}
