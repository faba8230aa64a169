import { createClient } from "matrix-js-sdk";
import type { Logger } from "pino";
import type { MatrixConfig } from "../../platform/config/matrix.js";
import { StartupError, type Db } from "../../platform/db.js";
import { loadSession, saveSession, type StoredSession } from "./session-store.js";
import { asUnreachable, keepNetworkCause } from "./unreachable.js";

/**
 * The session to run with, without ever creating a second device: a token + device id from the
 * config win; otherwise the session stored at the first password login is reused; only when there
 * is none, the bot logs in once with its password and stores the result before using it.
 */
export async function resolveSession(
  config: MatrixConfig,
  db: Db,
  log: Logger,
  fetchFn: typeof fetch,
  clock: () => number,
): Promise<StoredSession> {
  if (config.accessToken && config.deviceId) {
    return {
      homeserver: config.homeserverUrl,
      userId: config.userId,
      deviceId: config.deviceId,
      accessToken: config.accessToken,
    };
  }
  const stored = loadSession(db, config.cryptoStoreKey);
  if (stored) {
    if (stored.userId !== config.userId) {
      throw new StartupError(
        `the database holds the Matrix session of ${stored.userId}, but matrix.userId is ${config.userId}; use the database of that account or a new database file`,
      );
    }
    return { ...stored, homeserver: config.homeserverUrl };
  }
  if (!config.password) {
    throw new StartupError(
      "this database holds no Matrix session yet: give matrix.password (or TANDEM_MATRIX_PASSWORD) for the first login, or matrix.accessToken + matrix.deviceId; later starts reuse the stored session",
    );
  }
  const network = keepNetworkCause(fetchFn);
  const client = createClient({ baseUrl: config.homeserverUrl, fetchFn: network.fetch });
  let response: Awaited<ReturnType<typeof client.loginRequest>>;
  try {
    response = await client.loginRequest({
      type: "m.login.password",
      identifier: { type: "m.id.user", user: config.userId },
      password: config.password,
      initial_device_display_name: "Tandem bot",
    });
  } catch (err) {
    const code = (err as { errcode?: string }).errcode;
    if (code === "M_FORBIDDEN")
      throw new StartupError(`the homeserver refused the password of ${config.userId} (M_FORBIDDEN)`);
    // The first start has no session to wait with: say what could not be reached, and stop.
    throw asUnreachable(err, config.homeserverUrl, network.reasonOf);
  }
  const session = {
    homeserver: config.homeserverUrl,
    userId: response.user_id,
    deviceId: response.device_id,
    accessToken: response.access_token,
  };
  saveSession(db, session, config.cryptoStoreKey, clock());
  log.info({ deviceId: session.deviceId }, "logged in once; the session is stored and reused from now on");
  return session;
}
