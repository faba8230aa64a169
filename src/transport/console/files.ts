import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import type { Attachment } from "../../kernel/doc.js";
import type { OutsideData } from "../../kernel/room-data.js";

/** A name safe on any file system: letters, digits, dots and dashes, nothing that climbs out of the folder. */
function safeStem(fileName: string): string {
  const stem = fileName.slice(0, fileName.length - extname(fileName).length);
  return (
    stem
      .normalize("NFKD")
      .replace(/[^\w.-]+/gu, "-")
      .replace(/^[.-]+|[.-]+$/gu, "")
      .slice(0, 60) || "file"
  );
}

const shortHash = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 8);

/** Each room's files have their own folder, so wiping a cell or forgetting a person can remove them. */
export const roomFilesDir = (dir: string, roomId: string) => join(dir, `${safeStem(roomId)}-${shortHash(roomId)}`);

function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/**
 * Writes a file sent with a console message into its room's folder and returns its path. The folders
 * are the member's only (0700) and the file theirs (0600): a decision log holds names. The name
 * carries a piece of the outbox key, so a message sent again after a crash writes the same file
 * instead of a second one.
 */
export function saveAttachment(filesDir: string, roomId: string, attachment: Attachment, messageKey: string): string {
  privateDir(filesDir);
  const dir = roomFilesDir(filesDir, roomId);
  privateDir(dir);
  const ext = extname(attachment.fileName)
    .replace(/[^\w.]/gu, "")
    .slice(0, 10);
  const id = shortHash(messageKey);
  const path = join(dir, `${safeStem(attachment.fileName)}-${id}${ext}`);
  writeFileSync(path, Buffer.from(attachment.base64, "base64"), { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}

/**
 * The printed files (decision logs, charters) of a room that is wiped, or of a room where a person is
 * forgotten: they may name her, and a file cannot be rewritten like a row, so they go; printing again
 * gives a copy without her. Files printed before rooms had folders lie loose in `files/` and belong
 * to no known room: they go too.
 */
export function consoleFiles(filesDir: string): OutsideData {
  const remove = (roomId: string) => {
    rmSync(roomFilesDir(filesDir, roomId), { recursive: true, force: true });
    if (!existsSync(filesDir)) return;
    for (const name of readdirSync(filesDir)) {
      const path = join(filesDir, name);
      if (statSync(path).isFile()) rmSync(path, { force: true });
    }
  };
  return { forgetPerson: (roomId) => remove(roomId), wipeRoom: remove };
}
