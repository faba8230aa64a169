import {
  type Block,
  type Doc,
  doc,
  list,
  listing,
  p,
  type RenderContext,
  wordsOf,
} from "../../src/kernel/authoring.js";
import type { Poll } from "../../src/kernel/doc.js";
import { formatWhen } from "../../src/kernel/time/format.js";
import { type Closing, findRef } from "./find-close.js";
import type { MeetingFind } from "./find-repository.js";
import { OPENER_LEAD_MINUTES } from "./occurrences.js";
import { planRefusal } from "./plan.js";

const whenOf = (at: number, view: RenderContext) => formatWhen(at, view.settings.timezone, view.t.lang, view.now);

/** The announcement: a native poll of the slots, several answers allowed; its blocks are the plain fallback. */
export function renderFindOpened(find: MeetingFind, view: RenderContext): Doc {
  const n = find.number;
  const { t } = view;
  const blocks: Block[] = [
    p(...t.t("meeting.find.opened", { n })),
    list(find.slots.map((at, i) => [`${i + 1}: ${whenOf(at, view)}`])),
    p(
      ...(find.closesAt === null
        ? t.t("meeting.find.close_by_hand", { close: view.hint("meeting find close", { find: n }) })
        : t.t("meeting.find.closes", {
            when: whenOf(find.closesAt, view),
            close: view.hint("meeting find close", { find: n }),
          })),
    ),
  ];
  if (find.offline) blocks.push(p(...t.t("meeting.find.offline")));
  blocks.push(p(...t.t("meeting.find.typed", { can: view.hint("meeting find can", { find: n, slots: "1 2" }) })));
  const poll: Poll = {
    question: t.text("meeting.find.question"),
    answers: find.slots.map((at, i) => ({ id: `s${i + 1}`, text: whenOf(at, view) })),
    maxSelections: find.slots.length,
    disclosed: true,
  };
  return { blocks, ref: findRef(n), poll };
}

/** The close (or a moderator's pick): the meeting and who cannot come, a tie, or why nothing was planned. */
export function renderClosing(closing: Closing, view: RenderContext, endsPoll: boolean): Doc {
  const { t } = view;
  const { find, tally } = closing;
  const n = find.number;
  const counts = list(tally.counts.map((count, i) => [`${whenOf(find.slots[i] as number, view)}: ${count}`]));
  const pick = (slot: number) => view.hint("meeting find pick", { find: n, slot });
  const blocks: Block[] = [];
  let names = false;
  if (closing.kind === "none") {
    blocks.push(
      p(
        ...t.t("meeting.find.none", {
          n,
          again: view.hint("meeting find", { slots: t.text("meeting.find.example") }),
        }),
      ),
    );
  } else if (closing.kind === "tie") {
    const slots = tally.leaders.map((s) => whenOf(find.slots[s - 1] as number, view)).join(" / ");
    blocks.push(p(...t.t("meeting.find.tie", { n, slots })), counts);
    blocks.push(p(...t.t("meeting.find.tie.pick", { pick: pick(tally.leaders[0] as number) })));
  } else if (closing.kind === "unplanned") {
    const refusal = planRefusal(closing.error, view);
    blocks.push(p(...t.t("meeting.find.unplanned", { n, when: whenOf(find.slots[closing.slot - 1] as number, view) })));
    blocks.push(p(...t.t(refusal.key, wordsOf(refusal, view))));
    blocks.push(p(...t.t("meeting.find.pick_other", { pick: pick(closing.slot === 1 ? 2 : 1) })));
  } else {
    const when = whenOf(closing.planned.meetingAt, view);
    blocks.push(
      endsPoll
        ? p(
            ...t.t("meeting.find.chosen", {
              n,
              when,
              count: tally.counts[closing.slot - 1] ?? 0,
              voters: tally.voters,
              minutes: OPENER_LEAD_MINUTES,
            }),
          )
        : p(...t.t("meeting.find.picked", { n, when, minutes: OPENER_LEAD_MINUTES })),
    );
    if (tally.voters === 0) {
      // Nobody answered: nothing to count.
    } else if (closing.cannot.length === 0) blocks.push(counts, p(...t.t("meeting.find.all_can")));
    else if (!closing.names)
      blocks.push(counts, p(...t.t("meeting.find.cannot.count", { count: closing.cannot.length })));
    else {
      names = true;
      blocks.push(
        counts,
        p(...t.t("meeting.find.cannot.names", { who: closing.cannot.map((id) => view.personOf(id)) })),
      );
    }
    if (find.offline) blocks.push(p(...t.t("meeting.offline_noted")));
  }
  const rendered = doc(...blocks);
  const done: Doc = endsPoll ? { ...rendered, endsPoll: findRef(n) } : rendered;
  // Names read out to the room: nobody is pinged.
  return names ? listing(done) : done;
}
