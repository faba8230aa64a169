import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import type { Attachment } from "../../kernel/doc.js";

/** A name safe on any file system: letters, digits, dots and dashes, nothing that climbs out of the folder. */
function safeStem(fileName: string): string {
  const stem = fileName.slice(0, fileName.length - extname(fileName).length);
  return stem.normalize("NFKD").replace(/[^\w.-]+/gu, "-").replace(/^[.-]+|[.-]+$/gu, "").slice(0, 60) || "file";
}

/**
 * Writes a file sent with a console message and returns its path. The folder is the member's only
 * (0700) and the file theirs (0600): a decision log holds names. The name carries a piece of the
 * outbox key, so a message sent again after a crash writes the same file instead of a second one.
 */
export function saveAttachment(dir: string, attachment: Attachment, messageKey: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const ext = extname(attachment.fileName).replace(/[^\w.]/gu, "").slice(0, 10);
  const id = createHash("sha256").update(messageKey).digest("hex").slice(0, 8);
  const path = join(dir, `${safeStem(attachment.fileName)}-${id}${ext}`);
  writeFileSync(path, Buffer.from(attachment.base64, "base64"), { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}
