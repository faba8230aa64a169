import type { Db } from "../../store/db.js";

export interface StoredSession {
  homeserver: string;
  userId: string;
  deviceId: string;
  accessToken: string;
}

/** The one Matrix session of this database, or undefined before the first login. */
export function loadSession(db: Db): StoredSession | undefined {
  const row = db.prepare("SELECT homeserver, user_id, device_id, access_token FROM matrix_session WHERE id = 1").get() as
    | { homeserver: string; user_id: string; device_id: string; access_token: string }
    | undefined;
  return row && { homeserver: row.homeserver, userId: row.user_id, deviceId: row.device_id, accessToken: row.access_token };
}

export function saveSession(db: Db, session: StoredSession, now: number): void {
  db.prepare(
    `INSERT INTO matrix_session (id, homeserver, user_id, device_id, access_token, created_at) VALUES (1, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET homeserver = excluded.homeserver, user_id = excluded.user_id,
       device_id = excluded.device_id, access_token = excluded.access_token, created_at = excluded.created_at`,
  ).run(session.homeserver, session.userId, session.deviceId, session.accessToken, now);
}
