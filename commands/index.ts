import type { AnyCommand } from "../src/core/command.js";
import { helpCommand } from "./help.js";
import { ledgerCommands } from "./ledger/index.js";
import { privacyCommands } from "./privacy.js";
import { rhythmCommands } from "./rhythms.js";
import { settingsCommands } from "./settings.js";

/** The explicit registry: a command exists only if it is listed here. */
export function allCommands(): AnyCommand[] {
  const commands: AnyCommand[] = [...ledgerCommands, ...rhythmCommands, ...settingsCommands, ...privacyCommands];
  commands.unshift(helpCommand(() => commands));
  return commands;
}
