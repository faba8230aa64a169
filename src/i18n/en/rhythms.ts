import { careplan } from "./careplan.js";
import { meeting } from "./meeting.js";
import { rotation } from "./rotation.js";

/** The catalogs of issue 4's features (rotation, care plans, meetings, tempo, schedule). */
export const rhythms = { ...rotation, ...careplan, ...meeting };
