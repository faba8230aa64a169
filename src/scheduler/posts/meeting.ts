import { doc, list, p, type Block, type Doc } from "../../core/doc.js";
import { nextPromptFocus } from "../../domain/tempo/index.js";
import { effectiveTempo } from "../../domain/tempo/index.js";
import type { Translator } from "../../i18n/index.js";
import type { Db } from "../../store/db.js";
import { ledgerRepo } from "../../store/ledger.js";
import { roomRhythmRepo } from "../../store/room-rhythm.js";
import type { PostHandler } from "../scheduler.js";

export const OPENER_KIND = "meeting.opener";
export const OPENER_LEAD_MINUTES = 15;
const WEEK_MS = 7 * 86_400_000;

/**
 * Gratitude opens each meeting: the week's ledger entries, each giver named with what they gave;
 * when there were none, an invitation to thank someone. Then one prompt that follows the tempo.
 */
export function gratitudeOpener(db: Db, roomId: string, now: number, t: Translator, prefix: string): Doc {
  const entries = ledgerRepo(db).between(roomId, now - WEEK_MS, now + 1);
  const blocks: Block[] = [];
  if (entries.length === 0) {
    blocks.push(p(...t.t("opener.empty", { example: `${prefix}${t.text("opener.example")}` })));
  } else {
    blocks.push(p(...t.t("opener.title")));
    blocks.push(list(entries.map((e) => t.t("opener.line", { who: e.givers, what: e.what }))));
  }
  const rhythm = roomRhythmRepo(db);
  const phase = effectiveTempo(rhythm.tempo(roomId, now), now).phase;
  const focus = nextPromptFocus(phase, rhythm.lastFocus(roomId, now));
  rhythm.setLastFocus(roomId, focus, now);
  blocks.push(p(...t.t(`opener.focus.${focus}`)));
  return doc(...blocks);
}

export const openerPost: PostHandler = ({ db, job, now, t, prefix }) => gratitudeOpener(db, job.roomId, now, t, prefix);
