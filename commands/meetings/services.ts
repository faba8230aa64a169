import type { Block, RenderContext } from "../../src/kernel/authoring.js";
import type { Person } from "../../src/kernel/invocation.js";
import type { Db } from "../../src/platform/db.js";
import { ledgerReader } from "../ledger/index.js";
import { roomRhythm, type PromptFocus } from "../tempo/index.js";
import { MEETING_MINUTES, OPENER_LEAD_MINUTES } from "./occurrences.js";
import type { OpenerPart } from "./opener-parts.js";

const WEEK_MS = 7 * 86_400_000;

/** What opens a meeting: who was thanked this week and for what, and the prompt the tempo calls for. */
export interface Opener {
  thanks: { givers: Person[]; what: string }[];
  focus: PromptFocus;
  /** What other features add (proposals closing, charter notes), ready to be worded. */
  parts: ((view: Pick<RenderContext, "t">) => Block[])[];
}

export function meetingServices(db: Db, parts: readonly OpenerPart[]) {
  const ledger = ledgerReader(db);
  const rhythm = roomRhythm(db);
  return {
    /** Takes the room's next prompt focus, so the next opener asks about something else. */
    opener(roomId: string, now: number): Opener {
      const thanks = ledger.between(roomId, now - WEEK_MS, now + 1).map(({ givers, what }) => ({ givers, what }));
      const meeting = { openerAt: now, endsAt: now + (OPENER_LEAD_MINUTES + MEETING_MINUTES) * 60_000 };
      return { thanks, focus: rhythm.takeFocus(roomId, now), parts: parts.map((part) => part(db, roomId, meeting)) };
    },
  };
}

export type MeetingSlice = ReturnType<typeof meetingServices>;
