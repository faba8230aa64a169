import type { Catalog } from "../catalog.js";
import { core } from "./core.js";
import { ledger } from "./ledger.js";
import { matrix } from "./matrix.js";
import { privacy } from "./privacy.js";
import { rhythms } from "./rhythms.js";

export const es: Catalog = { ...core, ...ledger, ...matrix, ...rhythms, ...privacy };
