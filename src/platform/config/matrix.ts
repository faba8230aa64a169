import { z } from "zod";

/**
 * The `matrix:` section. Its secrets may come from the environment instead of the file (see
 * ENVIRONMENT in load.ts): TANDEM_MATRIX_ACCESS_TOKEN, TANDEM_MATRIX_PASSWORD,
 * TANDEM_CRYPTO_STORE_KEY, TANDEM_RECOVERY_KEY.
 */
const USER_ID = /^@[^\s:]+:[^\s]+$/;
// A bare word ("ana") is more likely a forgotten "@…:server" than a server: names need a dot,
// a port, or to be localhost.
const SERVER_NAME =
  /^(localhost|[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)(:\d+)?$|^[A-Za-z0-9.-]+:\d+$|^\[[0-9A-Fa-f:.]+\](:\d+)?$/;

const cryptoStoreKey = z
  .string()
  .refine((value) => Buffer.from(value, "base64").length === 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(value), {
    message: "expected 32 random bytes in base64 (make one with: openssl rand -base64 32)",
  });

export const matrixConfigSchema = z
  .strictObject({
    /** Client-server API base URL, e.g. https://matrix.example.org */
    homeserverUrl: z.url({ protocol: /^https?$/ }),
    /** The bot's full user id, e.g. @tandem:example.org */
    userId: z.string().regex(USER_ID, "expected a full Matrix user id such as @tandem:example.org"),
    /** Existing session (both or neither). */
    accessToken: z.string().min(1).optional(),
    deviceId: z.string().min(1).optional(),
    /**
     * Used once to log in, when the database holds no session yet (and to answer the homeserver's
     * password prompt for cross-signing); later starts need neither it nor a token.
     */
    password: z.string().min(1).optional(),
    /** Who may invite the bot: full user ids (@ana:example.org) and/or server names (example.org). */
    allowedInviters: z
      .array(
        z.string().refine((v) => USER_ID.test(v) || SERVER_NAME.test(v), {
          message: "expected a user id (@ana:example.org) or a server name (example.org)",
        }),
      )
      .min(1),
    /** Whether commands are answered in rooms without end-to-end encryption. */
    allowUnencryptedRooms: z.boolean().default(false),
    /** Encrypts the crypto store at rest: 32 bytes, base64. */
    cryptoStoreKey,
    /** Recovery key of the bot's secret storage, to restore its identity and key backup on a new machine. */
    recoveryKey: z.string().min(1).optional(),
    /** A message still undecryptable after this long gets one notice asking the sender to send it again. */
    undecryptableNoticeAfterSeconds: z.number().int().positive().default(300),
    /**
     * MSC4153: room keys only for devices their owners cross-signed, and commands only from them.
     * Off only for a homeserver whose clients cannot cross-sign.
     */
    excludeInsecureDevices: z.boolean().default(true),
  })
  .superRefine((config, ctx) => {
    if ((config.accessToken === undefined) !== (config.deviceId === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [config.accessToken === undefined ? "accessToken" : "deviceId"],
        message: `accessToken and deviceId go together (accessToken may come from TANDEM_MATRIX_ACCESS_TOKEN)`,
      });
    }
    // No token and no password is decided at start, not here: a restart reuses the session stored
    // in the database at the first login (src/transport/matrix/login.ts), and needs neither.
  });

export type MatrixConfig = z.infer<typeof matrixConfigSchema>;
