import type { AnyFeature } from "../src/kernel/feature.js";
import { careplans } from "./careplans/index.js";
import { circles } from "./circles/index.js";
import { decisions } from "./decisions/index.js";
import { federation } from "./federation/index.js";
import { fund } from "./fund/index.js";
import { governance } from "./governance/index.js";
import { help } from "./help/index.js";
import { lessons } from "./lessons/index.js";
import { ledger } from "./ledger/index.js";
import { meetings } from "./meetings/index.js";
import { privacy } from "./privacy/index.js";
import { rotation } from "./rotation/index.js";
import { settings } from "./settings/index.js";
import { tempo } from "./tempo/index.js";
import { trust } from "./trust/index.js";

/** The one registry: a feature exists when it is listed here. Help lists the features in this order. */
export const features: readonly AnyFeature[] = [help, ledger, rotation, careplans, decisions, governance, fund, meetings, tempo, circles, federation, lessons, settings, privacy, trust];
