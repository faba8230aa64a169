import { defineFeature } from "../../src/kernel/feature.js";
import { meetingCancel } from "./cancel.js";
import { meetingList } from "./list.js";
import { meeting } from "./meeting.js";
import { opener } from "./opener.js";
import { meetingPosts } from "./posts.js";
import { schedule } from "./schedule.js";
import { meetingServices, type MeetingSlice } from "./services.js";
import { en } from "./texts/en.js";
import { es } from "./texts/es.js";

/** Meetings opened with the week's gratitude, and the room's schedule of everything Tandem will post. */
export const meetings = defineFeature<MeetingSlice>({
  name: "meetings",
  services: meetingServices,
  commands: [meeting, meetingCancel, meetingList, opener, schedule],
  posts: meetingPosts,
  texts: { en, es },
});
