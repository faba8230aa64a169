import { parseArgs } from "node:util";

/** `tandem db …`: database maintenance instead of running the bot. */
export type DbCommand = { action: "encrypt" } | { action: "rekey" } | { action: "backup"; target: string };

export interface CliOptions {
  config?: string;
  as?: string;
  room?: string;
  /** Console mode: type in a direct chat with the bot instead of a room. */
  dm: boolean;
  db?: DbCommand;
  help: boolean;
}

export const USAGE = `Usage: tandem [--config PATH] [--as NAME] [--room NAME | --dm]
       tandem db encrypt | db rekey | db backup PATH  [--config PATH]

  --config PATH  YAML configuration (or the TANDEM_CONFIG environment variable).
                 Without a "matrix:" section Tandem runs in console mode.
  --as NAME      console mode: who is speaking (default: console.user, "you")
  --room NAME    console mode: which room you are in (default: console.room, "console")
  --dm           console mode: type in your direct chat with the bot, where secret ballots are
                 voted and the fund's private requests are made
  --help         this text

Database maintenance (the key comes from database.key or TANDEM_DATABASE_KEY):
  db encrypt      encrypts a plain database file under the key, keeping every row (stop the bot first)
  db rekey        encrypts it again under the key in TANDEM_DATABASE_NEW_KEY (stop the bot first)
  db backup PATH  writes an encrypted, consistent copy to PATH; safe while the bot runs
`;

export function parseCli(argv: string[]): CliOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      config: { type: "string" },
      as: { type: "string" },
      room: { type: "string" },
      dm: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  const db = parseDbCommand(positionals);
  if (values.room?.includes("/")) throw new Error(`A room name holds no slash: "${values.room}".`);
  if (values.dm && values.room)
    throw new Error("--dm and --room do not go together: a direct chat is between you and the bot, in no room.");
  return {
    help: values.help ?? false,
    dm: values.dm ?? false,
    ...(values.config ? { config: values.config } : {}),
    ...(values.as ? { as: values.as } : {}),
    ...(values.room ? { room: values.room } : {}),
    ...(db ? { db } : {}),
  };
}

function parseDbCommand(words: string[]): DbCommand | undefined {
  if (words.length === 0) return undefined;
  const [group, action, ...rest] = words;
  if (group !== "db") throw new Error(`Unknown command "${group}"; the only command is "db" (see below).`);
  if (action === "encrypt" && rest.length === 0) return { action };
  if (action === "rekey" && rest.length === 0) return { action };
  if (action === "backup" && rest.length === 1 && rest[0]) return { action, target: rest[0] };
  if (action === "backup")
    throw new Error(`"db backup" needs one PATH to write the copy to, such as: tandem db backup /backups/tandem.db`);
  throw new Error(`"db" takes encrypt, rekey or backup PATH.`);
}
