import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { Db } from "../../platform/db.js";
import { StartupError } from "../../platform/db.js";

export interface StoredSession {
  homeserver: string;
  userId: string;
  deviceId: string;
  accessToken: string;
}

/**
 * The access token is sealed with a key derived from the crypto store key (AES-256-GCM), so a
 * copy of the database file alone does not give the bot's account away.
 */
function tokenKey(cryptoStoreKey: string): Buffer {
  return Buffer.from(
    hkdfSync("sha256", Buffer.from(cryptoStoreKey, "base64"), Buffer.alloc(0), "tandem matrix access token", 32),
  );
}

const SEALED = "v1:";

export function sealToken(token: string, cryptoStoreKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", tokenKey(cryptoStoreKey), iv);
  const sealed = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return SEALED + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64");
}

export function openToken(stored: string, cryptoStoreKey: string): string {
  if (!stored.startsWith(SEALED))
    throw new StartupError("the stored Matrix session is in an unknown format; start with a new database file");
  const raw = Buffer.from(stored.slice(SEALED.length), "base64");
  const decipher = createDecipheriv("aes-256-gcm", tokenKey(cryptoStoreKey), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    throw new StartupError(
      "the stored Matrix session cannot be opened with this matrix.cryptoStoreKey; use the key this database was created with",
    );
  }
}

/** The one Matrix session of this database, or undefined before the first login. */
export function loadSession(db: Db, cryptoStoreKey: string): StoredSession | undefined {
  const row = db
    .prepare("SELECT homeserver, user_id, device_id, access_token FROM matrix_session WHERE id = 1")
    .get() as { homeserver: string; user_id: string; device_id: string; access_token: string } | undefined;
  return (
    row && {
      homeserver: row.homeserver,
      userId: row.user_id,
      deviceId: row.device_id,
      accessToken: openToken(row.access_token, cryptoStoreKey),
    }
  );
}

export function saveSession(db: Db, session: StoredSession, cryptoStoreKey: string, now: number): void {
  db.prepare(
    `INSERT INTO matrix_session (id, homeserver, user_id, device_id, access_token, created_at) VALUES (1, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET homeserver = excluded.homeserver, user_id = excluded.user_id,
       device_id = excluded.device_id, access_token = excluded.access_token, created_at = excluded.created_at`,
  ).run(session.homeserver, session.userId, session.deviceId, sealToken(session.accessToken, cryptoStoreKey), now);
}
