import { MatrixError, type MatrixClient } from "matrix-js-sdk";
import type { CryptoCallbacks } from "matrix-js-sdk/lib/crypto-api/index.js";
import { decodeRecoveryKey } from "matrix-js-sdk/lib/crypto-api/recovery-key.js";
import type { AuthDict } from "matrix-js-sdk/lib/interactive-auth.js";
import type { Logger } from "pino";
import { StartupError } from "../../platform/db.js";

/**
 * Holds the secret storage keys the crypto stack asks for: the recovery key from the config (to
 * restore on a new machine) and any key created during this run.
 */
export class SecretStorageKeys {
  private readonly known = new Map<string, Uint8Array<ArrayBuffer>>();
  readonly recovery: Uint8Array<ArrayBuffer> | undefined;

  constructor(recoveryKey: string | undefined) {
    if (recoveryKey === undefined) return;
    try {
      this.recovery = decodeRecoveryKey(recoveryKey);
    } catch {
      throw new StartupError(
        "matrix.recoveryKey (or TANDEM_RECOVERY_KEY) is not a valid recovery key; copy it exactly as it was shown at the first start",
      );
    }
  }

  readonly callbacks: CryptoCallbacks = {
    getSecretStorageKey: async ({ keys }) => {
      const ids = Object.keys(keys);
      for (const id of ids) {
        const key = this.known.get(id);
        if (key) return [id, key];
      }
      return this.recovery && ids[0] !== undefined ? [ids[0], this.recovery] : null;
    },
    cacheSecretStorageKey: (keyId, _info, key) => {
      this.known.set(keyId, key);
    },
  };
}

export type CrossSigningOutcome = "ready" | "created" | "restored";

export interface CrossSigningDeps {
  client: MatrixClient;
  keys: SecretStorageKeys;
  userId: string;
  password: string | undefined;
  log: Logger;
  /** Shows the new recovery key to the operator, once (never through the JSON log). */
  announceRecoveryKey(encoded: string): void;
}

/** Answers the homeserver's password prompt (user-interactive auth) when it asks for one. */
function passwordAuth(userId: string, password: string | undefined) {
  return async (makeRequest: (auth: AuthDict | null) => Promise<void>): Promise<void> => {
    try {
      await makeRequest(null);
    } catch (err) {
      const session =
        err instanceof MatrixError && err.httpStatus === 401 ? (err.data as { session?: string }).session : undefined;
      if (session === undefined) throw err;
      if (!password) {
        throw new StartupError(
          "the homeserver asks for the bot's password to set up cross-signing; give matrix.password (or TANDEM_MATRIX_PASSWORD) for this start",
        );
      }
      await makeRequest({
        type: "m.login.password",
        identifier: { type: "m.id.user", user: userId },
        password,
        session,
      });
    }
  };
}

/**
 * Makes the bot's device cross-signed by its own identity, with secret storage and key backup.
 * First start: new identity, new secret storage, new backup; the recovery key is announced once.
 * Existing secret storage (a new machine, or a lost database): restored with the configured
 * recovery key, including the room keys in the backup.
 */
export async function ensureCrossSigning(deps: CrossSigningDeps): Promise<CrossSigningOutcome> {
  const { client, keys, log } = deps;
  const crypto = client.getCrypto();
  if (!crypto) throw new Error("crypto is not initialised");
  const defaultKeyId = await client.secretStorage.getDefaultKeyId();
  if (defaultKeyId && (await crypto.isCrossSigningReady()) && (await crypto.isSecretStorageReady())) {
    await crypto.checkKeyBackupAndEnable();
    return "ready";
  }
  const authUploadDeviceSigningKeys = passwordAuth(deps.userId, deps.password);

  if (defaultKeyId) {
    const stored = await client.secretStorage.getKey(defaultKeyId);
    if (!keys.recovery) {
      throw new StartupError(
        "this Matrix account already has secret storage (set up by an earlier Tandem database or another client); " +
          "give its recovery key in matrix.recoveryKey (or TANDEM_RECOVERY_KEY) to restore the bot's identity",
      );
    }
    if (!stored || !(await client.secretStorage.checkKey(keys.recovery, stored[1]))) {
      throw new StartupError("matrix.recoveryKey does not match this account's secret storage");
    }
    await crypto.bootstrapCrossSigning({ authUploadDeviceSigningKeys });
    await crypto.loadSessionBackupPrivateKeyFromSecretStorage();
    await crypto.checkKeyBackupAndEnable();
    // History the bot had keys for becomes readable again; new keys keep being backed up.
    const restored = await crypto.restoreKeyBackup();
    log.info(
      { imported: restored.imported, total: restored.total },
      "identity and key backup restored with the recovery key",
    );
    return "restored";
  }

  await crypto.bootstrapCrossSigning({ authUploadDeviceSigningKeys, setupNewCrossSigning: true });
  let encoded: string | undefined;
  await crypto.bootstrapSecretStorage({
    setupNewSecretStorage: true,
    setupNewKeyBackup: true,
    createSecretStorageKey: async () => {
      const generated = await crypto.createRecoveryKeyFromPassphrase();
      encoded = generated.encodedPrivateKey;
      return generated;
    },
  });
  if (!encoded) throw new Error("secret storage was set up without a recovery key");
  deps.announceRecoveryKey(encoded);
  log.info("cross-signing, secret storage and key backup set up");
  return "created";
}
