import type { Person } from "../../src/kernel/invocation.js";
import type { Db } from "../../src/platform/db.js";
import { charterNotesForMeeting, proposalsForMeeting, type MeetingNote, type MeetingProposal } from "../governance/index.js";
import { ledgerReader } from "../ledger/index.js";
import { roomRhythm, type PromptFocus } from "../tempo/index.js";

const WEEK_MS = 7 * 86_400_000;

/** What opens a meeting: who was thanked this week and for what, and the prompt the tempo calls for. */
export interface Opener {
  thanks: { givers: Person[]; what: string }[];
  focus: PromptFocus;
  /** Proposals open or closing at this meeting (governance). */
  proposals?: MeetingProposal[];
  /** Notes under the charter still waiting for the cell (governance). */
  notes?: MeetingNote[];
}

export function meetingServices(db: Db) {
  const ledger = ledgerReader(db);
  const rhythm = roomRhythm(db);
  return {
    /** Takes the room's next prompt focus, so the next opener asks about something else. */
    opener(roomId: string, now: number): Opener {
      const thanks = ledger.between(roomId, now - WEEK_MS, now + 1).map(({ givers, what }) => ({ givers, what }));
      return { thanks, focus: rhythm.takeFocus(roomId, now), proposals: proposalsForMeeting(db, roomId, now), notes: charterNotesForMeeting(db, roomId) };
    },
  };
}

export type MeetingSlice = ReturnType<typeof meetingServices>;
