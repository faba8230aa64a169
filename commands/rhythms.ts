import type { AnyCommand } from "../src/core/command.js";
import { awayCommands } from "./away.js";
import { careplanCommands } from "./careplan.js";
import { meetingCommands } from "./meeting.js";
import { openerCommands } from "./opener.js";
import { scheduleCommands } from "./schedule.js";
import { tempoCommands } from "./tempo.js";
import { rolesCommands } from "./roles.js";
import { rotationCommands } from "./rotation.js";

/** The commands of issue 4: roles and rotation, away, care plans, meetings, openers, tempo, schedule. */
export const rhythmCommands: AnyCommand[] = [...rolesCommands, ...rotationCommands, ...awayCommands, ...careplanCommands, ...meetingCommands, ...openerCommands, ...tempoCommands, ...scheduleCommands];
