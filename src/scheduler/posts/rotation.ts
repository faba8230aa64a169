import type { Block, Doc, Inline } from "../../core/doc.js";
import { doc, heading, list, p } from "../../core/doc.js";
import type { Person } from "../../core/invocation.js";
import {
  advance,
  calendarFromRule,
  DEFAULT_ANNOUNCE_RULE,
  planTerms,
  type Handover,
  type RolePlan,
  type RotationState,
  type TermCalendar,
} from "../../domain/rotation/index.js";
import type { Rule } from "../../domain/time/recurrence.js";
import type { Translator } from "../../i18n/index.js";
import type { Db } from "../../store/db.js";
import { jobsRepo } from "../../store/jobs.js";
import { rotationRepo } from "../../store/rotation.js";
import type { RoomView } from "../../transport/port.js";
import { upsertRoomJob } from "../schedule.js";
import type { PostHandler } from "../scheduler.js";
import { formatWhen, personOf } from "./format.js";

export const ANNOUNCE_KIND = "rotation.announce";

export function announceRule(db: Db, roomId: string): Rule {
  return jobsRepo(db).byKind(roomId, ANNOUNCE_KIND)[0]?.rule ?? DEFAULT_ANNOUNCE_RULE;
}

export function rotationCalendar(db: Db, roomId: string, zone: string): TermCalendar {
  return calendarFromRule(announceRule(db, roomId), zone);
}

/** The weekly announcement exists as soon as the room has a role; its rule can be changed later. */
export function ensureAnnouncement(db: Db, roomId: string, zone: string, now: number, rule?: Rule): void {
  const existing = jobsRepo(db).byKind(roomId, ANNOUNCE_KIND)[0];
  if (existing && !rule) return;
  upsertRoomJob(db, { roomId, kind: ANNOUNCE_KIND, rule: rule ?? DEFAULT_ANNOUNCE_RULE, zone }, now);
}

/** Loads the room's rotation brought up to `now`, and saves it: every reader sees the same holders. */
export function currentRotation(db: Db, roomId: string, zone: string, now: number): { state: RotationState; handovers: Handover[]; calendar: TermCalendar } {
  const calendar = rotationCalendar(db, roomId, zone);
  const result = advance(rotationRepo(db).load(roomId), now, calendar);
  if (!result.ok) throw new Error("advancing a rotation cannot fail");
  rotationRepo(db).save(roomId, result.state, now);
  return { state: result.state, handovers: result.handovers, calendar };
}

export interface RenderScope {
  t: Translator;
  zone: string;
  roomId: string;
  room: RoomView | undefined;
}

function who(key: string, scope: RenderScope): Person {
  return personOf(key, scope.room, scope.roomId);
}

function planLine(plan: RolePlan, scope: RenderScope): Inline[] {
  const { t, zone } = scope;
  if (!plan.current) {
    return t.t(plan.order.length === 0 ? "rotation.line.empty" : "rotation.line.vacant", { role: plan.role });
  }
  // Someone who keeps the role for lack of others is not "next".
  const next = plan.upcoming.find((term) => term.holder !== plan.current?.holder);
  const until = formatWhen(plan.current.untilUtc, zone, t.lang);
  return next
    ? t.t("rotation.line.next", { role: plan.role, holder: who(plan.current.holder, scope), until, next: who(next.holder, scope) })
    : t.t("rotation.line", { role: plan.role, holder: who(plan.current.holder, scope), until });
}

export function rolesBlocks(state: RotationState, now: number, calendar: TermCalendar, scope: RenderScope): Block[] {
  const plans = planTerms(state, now, calendar, 2);
  return [list(plans.map((plan) => planLine(plan, scope)))];
}

export function handoverLine(h: Handover, scope: RenderScope): Inline[] {
  const { t } = scope;
  if (h.to === null) return t.t("rotation.handover.nobody", { role: h.role });
  if (h.from === null) return t.t("rotation.handover.start", { role: h.role, to: who(h.to, scope) });
  if (h.from === h.to) return t.t("rotation.handover.again", { role: h.role, to: who(h.to, scope) });
  return t.t("rotation.handover", { role: h.role, from: who(h.from, scope), to: who(h.to, scope) });
}

/** The weekly post: this week's holders (as mentions), who comes next, and any handover. */
export const announceRotation: PostHandler = ({ db, job, now, settings, t, room, prefix }) => {
  const { state, calendar } = currentRotation(db, job.roomId, settings.timezone, now);
  if (!state.roles.some((r) => r.holder !== null)) return null;
  const scope: RenderScope = { t, zone: settings.timezone, roomId: job.roomId, room };
  const blocks: Block[] = [heading({ kind: "strong", text: t.text("rotation.announce.title") }), ...rolesBlocks(state, now, calendar, scope)];
  // Read from history rather than from this advance: a command may have advanced the rotation first.
  const since = job.lastRunUtc ?? job.createdAt;
  const ended = state.history.filter((h) => h.ended === "term" && h.toUtc > since && h.toUtc <= now);
  // After downtime a role may have changed hands more than once; name only its latest handover.
  const latestPerRole = ended.filter((h, i) => !ended.slice(i + 1).some((later) => later.role === h.role));
  const changes = latestPerRole
    .flatMap((h): Handover[] => {
      const role = state.roles.find((r) => r.name === h.role);
      return role ? [{ role: h.role, from: h.member, to: role.holder, atUtc: h.toUtc, reason: "term" }] : [];
    });
  if (changes.length > 0) blocks.push(list(changes.map((h) => handoverLine(h, scope))));
  blocks.push(p(...t.t("rotation.announce.closing", { skip: `${prefix}rotation skip <${t.text("arg.role")}>` })));
  return doc(...blocks) satisfies Doc;
};
