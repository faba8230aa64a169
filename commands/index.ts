import type { AnyFeature } from "../src/kernel/feature.js";
import { careplans } from "./careplans/index.js";
import { circles } from "./circles/index.js";
import { decisions } from "./decisions/index.js";
import { federation } from "./federation/index.js";
import { fund } from "./fund/index.js";
import { governance, governanceOpenerParts } from "./governance/index.js";
import { help } from "./help/index.js";
import { lessons } from "./lessons/index.js";
import { ledger } from "./ledger/index.js";
import { meetingsWith } from "./meetings/index.js";
import { privacy } from "./privacy/index.js";
import { rotation } from "./rotation/index.js";
import { settings } from "./settings/index.js";
import { tempo } from "./tempo/index.js";

/** What other features add to a meeting's opener: meetings never imports them. */
const meetings = meetingsWith(governanceOpenerParts);

/** The one registry: a feature exists when it is listed here. Help lists the features in this order. */
export const features: readonly AnyFeature[] = [help, ledger, rotation, careplans, decisions, governance, fund, meetings, tempo, circles, federation, lessons, settings, privacy];
