import type { RenderContext } from "../../../src/kernel/command.js";
import { p, type Block } from "../../../src/kernel/doc.js";
import type { FederationSlice } from "../services.js";
import type { Match } from "./repository.js";
import { safetyCode } from "./rules/safety-code.js";

/** The safety code of an exchange as this cell sees it: from its own key and the key it was given for the other cell. */
export const codeOf = (
  board: FederationSlice["board"],
  match: Pick<Match, "cellId" | "cellRoom" | "peerKey">,
): string => safetyCode(board.keysOf(match.cellId, match.cellRoom).publicKey, match.peerKey);

/** How to type a code back, in the room's language. */
export const verifyHint = (view: RenderContext, number: number): string =>
  view.hint("contact verify", { post: number, code: view.t.text("board.code_word") });

/** What both cells' moderators are asked to compare before any name crosses. */
export const safetyBlock = (view: RenderContext, number: number, peer: string, code: string): Block =>
  p(...view.t.t("board.safety_code", { peer, code, verify: verifyHint(view, number) }));
