import { doc, p } from "../../src/kernel/doc.js";
import type { EventHandler } from "../../src/kernel/feature.js";
import { IDENTITY_TAG } from "./commands.js";
import type { TrustSlice } from "./services.js";

/**
 * The transport saw that a member's identity changed while she wrote in this room. The room is
 * told once (until the change is trusted or what was held is dropped), and the change goes into
 * the decision log. Only the transport's own signal counts: an event of this type from the wire
 * is someone pretending.
 */
export const identityChanged: EventHandler<TrustSlice> = ({ event, now, slice, elsewhere }) => {
  if (event.local !== true) return;
  if (!slice.holds.open(event.roomId, event.sender, now)) return;
  const room = elsewhere(event.roomId);
  const who = room.view.personOf(event.sender);
  const n = slice.recordDecision(event.roomId, room.view.t.text("trust.log.changed", { who }), [IDENTITY_TAG], now);
  room.post(
    doc(p(...room.view.t.t("trust.changed", { who, n, trust: room.view.hint("trust", { trusted: event.sender }) }))),
  );
};
