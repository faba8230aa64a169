import { randomBytes } from "node:crypto";
import { pino } from "pino";
import { matrixConfigSchema, type MatrixConfig } from "../../../src/platform/config/matrix.js";
import { StartupError } from "../../../src/platform/db.js";
import { resolveSession } from "../../../src/transport/matrix/login.js";
import { saveSession } from "../../../src/transport/matrix/session-store.js";
import { openMigrated } from "../../support/db.js";

const silent = pino({ level: "silent" });
const noNetwork = (() => {
  throw new Error("no request expected");
}) as unknown as typeof fetch;

/** A matrix: section as an operator writes it for a restart: no password, no token. */
function restartConfig(): MatrixConfig {
  const matrix = {
    homeserverUrl: "https://m.example.org",
    userId: "@bot:example.org",
    allowedInviters: ["example.org"],
    cryptoStoreKey: randomBytes(32).toString("base64"),
  };
  return matrixConfigSchema.parse(matrix);
}

describe("which Matrix session a start uses", () => {
  it("a restart without password or token reuses the session stored at the first login", async () => {
    const config = restartConfig();
    const { db } = openMigrated();
    const stored = {
      homeserver: config.homeserverUrl,
      userId: config.userId,
      deviceId: "DEV",
      accessToken: "syt_stored",
    };
    saveSession(db, stored, config.cryptoStoreKey, 1);
    await expect(resolveSession(config, db, silent, noNetwork, () => 2)).resolves.toEqual(stored);
  });

  it("a first start without password or token stops with what to give instead", async () => {
    const config = restartConfig();
    const { db } = openMigrated();
    const started = resolveSession(config, db, silent, noNetwork, () => 2);
    await expect(started).rejects.toThrow(StartupError);
    await expect(started).rejects.toThrow(
      /no Matrix session yet: give matrix\.password \(or TANDEM_MATRIX_PASSWORD\) for the first login/,
    );
  });
});
