import { fix, undo } from "./correct.js";
import { month, week } from "./digest.js";
import { exportLedger } from "./export.js";
import { show } from "./show.js";
import { thanks } from "./thanks.js";

export const ledgerCommands = [thanks, show, week, month, undo, fix, exportLedger];
