import type { CommandName } from "../src/kernel/command.js";
import type { AnyFeature, Feature } from "../src/kernel/feature.js";
import { carePlansWith } from "./careplans/index.js";
import { circles } from "./circles/index.js";
import { decisions } from "./decisions/index.js";
import { federation, federationPlanCancelled } from "./federation/index.js";
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
import { trust } from "./trust/index.js";

/** What other features add to a meeting's opener: meetings never imports them. */
const meetings = meetingsWith(governanceOpenerParts);
/** Who hears that a member cancelled a plan: care plans never import them. */
const careplans = carePlansWith([federationPlanCancelled]);

const registered = [
  help,
  ledger,
  rotation,
  careplans,
  decisions,
  governance,
  fund,
  meetings,
  tempo,
  circles,
  federation,
  lessons,
  settings,
  privacy,
  trust,
] as const;

/** The one registry: a feature exists when it is listed here. Help lists the features in this order. */
export const features: readonly AnyFeature[] = registered;

// Hints are typed by the names each feature lists (CommandNames); the lists must be the commands' names exactly.
type NamesOf<F> = F extends Feature<infer _S, infer N> ? N : never;
type Registered = NamesOf<(typeof registered)[number]>;
type Both<Unlisted, Missing> = [Unlisted, Missing] extends [never, never]
  ? true
  : { unlisted: Unlisted; missing: Missing };
/** Fails the build naming a command missing from its feature's `names` (unlisted), or a listed name no command has (missing). */
export const namesMatchCommands: Both<Exclude<Registered, CommandName>, Exclude<CommandName, Registered>> = true;
