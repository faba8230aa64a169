import { parseArgs } from "node:util";

export interface CliOptions {
  config?: string;
  as?: string;
  room?: string;
  help: boolean;
}

export const USAGE = `Usage: tandem [--config PATH] [--as NAME] [--room NAME]

  --config PATH  YAML configuration (or the TANDEM_CONFIG environment variable).
                 Without a "matrix:" section Tandem runs in console mode.
  --as NAME      console mode: who is speaking (default: console.user, "you")
  --room NAME    console mode: which room you are in (default: console.room, "console")
  --help         this text
`;

export function parseCli(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      config: { type: "string" },
      as: { type: "string" },
      room: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  return {
    help: values.help ?? false,
    ...(values.config ? { config: values.config } : {}),
    ...(values.as ? { as: values.as } : {}),
    ...(values.room ? { room: values.room } : {}),
  };
}
