import type { Catalog } from "../catalog.js";
import { core } from "./core.js";
import { ledger } from "./ledger.js";
import { matrix } from "./matrix.js";
import { privacy } from "./privacy.js";
import { rhythms } from "./rhythms.js";

/** English is the reference catalog: every other language must have exactly its keys. */
export const en: Catalog = { ...core, ...ledger, ...matrix, ...rhythms, ...privacy };
