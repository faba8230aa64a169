import { IANAZone } from "luxon";
import { z } from "zod";
import { LANGUAGES } from "../../kernel/i18n/catalog.js";
import { matrixConfigSchema } from "./matrix.js";

const timezone = z.string().refine((zone) => IANAZone.isValidZone(zone), {
  message: "expected an IANA time zone such as Europe/Madrid or America/Mexico_City",
});

/**
 * The SQLite file and the key that encrypts all of it at rest (SQLCipher). `database: PATH` alone is
 * still accepted (see normalizeDatabase in load.ts). Environment: TANDEM_DATABASE, TANDEM_DATABASE_KEY.
 */
export const databaseConfigSchema = z
  .strictObject({
    path: z.string().min(1).default("./data/tandem.db"),
    key: z
      .string()
      .min(16, "expected a long random secret, at least 16 characters (make one with: openssl rand -base64 32)")
      .optional(),
  })
  .prefault({});

/** The whole configuration. Unknown keys are errors: a typo must not silently fall back to a default. */
export const configSchema = z
  .strictObject({
    database: databaseConfigSchema,
    prefix: z
      .string()
      .min(1)
      .max(3)
      .regex(/^\S+$/, "expected 1 to 3 characters without spaces, such as !")
      .default("!"),
    language: z.enum(LANGUAGES).default("en"),
    timezone: timezone.default("UTC"),
    moderatorPowerLevel: z.int().min(0).max(100).default(50),
    admins: z
      .array(z.string().regex(/^@[^:\s]+:\S+$/, "expected a Matrix user id such as @ana:example.org"))
      .default([]),
    ledger: z
      .strictObject({
        maxEntriesPerHour: z.int().min(1).max(10_000).default(30),
      })
      .prefault({}),
    scheduler: z
      .strictObject({
        missedPostGraceHours: z.number().min(0).max(168).default(6),
        tickSeconds: z.int().min(1).max(59).default(30),
      })
      .prefault({}),
    console: z
      .strictObject({
        user: z
          .string()
          .regex(/^[a-z0-9._=-]+$/i, "expected a short name such as you or ana")
          .default("you"),
        room: z
          .string()
          .regex(/^[a-z0-9._=-]+$/i, "expected a short name such as console")
          .default("console"),
        moderators: z.array(z.string()).default(["you"]),
      })
      .prefault({}),
    log: z
      .strictObject({
        level: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
      })
      .prefault({}),
    matrix: matrixConfigSchema.optional(),
    /** /healthz and Prometheus /metrics on 127.0.0.1:port (counts only); off when absent. */
    metrics: z
      .strictObject({ port: z.int().min(1024, "expected a port from 1024 to 65535, such as 9464").max(65535) })
      .optional(),
  })
  .superRefine((config, ctx) => {
    // A bot on Matrix holds a cell's ledger, roles and names: whoever takes the server or a
    // backup must read nothing. Console mode is a local try-out and may stay unencrypted.
    if (config.matrix && config.database.key === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["database", "key"],
        message:
          "required when a matrix: section is present, to encrypt the whole database at rest (or TANDEM_DATABASE_KEY; make one with: openssl rand -base64 32)",
      });
    }
  });

export type Config = z.infer<typeof configSchema>;
