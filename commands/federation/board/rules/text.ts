import { alreadyCrossing, type CrossingText } from "../../../../src/kernel/crossing.js";

/** What an offer, a need or a story may be once cleaned: short enough to read on a phone. */
export const BOARD_TEXT_MAX = 280;

/** A board text as it arrives from another Tandem or is read back after it crossed: one a cell could have sent. */
export const boardCrossing = (text: string): CrossingText | undefined => alreadyCrossing(text, BOARD_TEXT_MAX);
