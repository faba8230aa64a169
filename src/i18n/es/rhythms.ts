import { careplan } from "./careplan.js";
import { rotation } from "./rotation.js";

/** The catalogs of issue 4's features (rotation, care plans, meetings, tempo, schedule). */
export const rhythms = { ...rotation, ...careplan };
