import { defineFeature, invoke } from "../../src/kernel/feature.js";
import { assembly, ASSEMBLY_KIND, assemblyPost, assemblyServices, type AssemblySlice } from "./assembly.js";
import { closeAtDeadline, findCommands, findPollAnswer, meetingFindAnswer } from "./find.js";
import { FIND_CLOSE_KIND, type FindSlice, findServices } from "./find-close.js";
import { findRoomData } from "./find-room-data.js";
import { meeting, meetingCancel, meetingList } from "./meeting.js";
import { opener, schedule } from "./opener.js";
import { meetingPosts } from "./posts.js";
import type { OpenerPart } from "./opener-parts.js";
import { meetingServices } from "./services.js";
import { en } from "./texts/en.js";
import { es } from "./texts/es.js";

/**
 * Meetings opened with the week's gratitude, and the room's schedule of everything Tandem will post.
 * Other features add to the opener through `parts` (the registry passes them in).
 */
export const meetingsWith = (parts: readonly OpenerPart[]) =>
  defineFeature<AssemblySlice & FindSlice, (typeof names)[number]>({
    name: "meetings",
    services: (db) => ({ ...meetingServices(db, parts), ...assemblyServices(db), ...findServices(db) }),
    commands: [meeting, meetingCancel, meetingList, opener, schedule, assembly, ...findCommands],
    posts: { ...meetingPosts, [ASSEMBLY_KIND]: assemblyPost, [FIND_CLOSE_KIND]: closeAtDeadline },
    roomData: [findRoomData],
    // An answer to a meeting-time poll: the slots the member can make.
    pollAnswer: (ref, answerIds) => {
      const read = findPollAnswer(ref, answerIds);
      return read && invoke(meetingFindAnswer, read);
    },
    texts: { en, es },
  });
export { nextMeetingAt, nextMeetingEnd } from "./next.js";
export { MEETING_MINUTES, OPENER_LEAD_MINUTES } from "./occurrences.js";
export type { OpenedMeeting, OpenerPart } from "./opener-parts.js";

/** The canonical names of this feature's commands: what hints anywhere may name (commands/index.ts checks them). */
const names = [
  "meeting",
  "meeting cancel",
  "meetings",
  "opener",
  "schedule",
  "assembly",
  "meeting find",
  "meeting find close",
  "meeting find pick",
  "meeting find can",
  "settings meeting names",
] as const;

declare module "../../src/kernel/command.js" {
  interface CommandNames extends Record<(typeof names)[number], true> {}
}
