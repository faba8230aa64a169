import type { TextsPart } from "../../../kernel/i18n/index.js";
import { matrix as en } from "./en.js";
import { matrix as es } from "./es.js";

/** What the Matrix transport itself says (not a command's reply). */
export const matrixTexts: TextsPart = { en, es };
