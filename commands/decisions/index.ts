import { defineFeature } from "../../src/kernel/feature.js";
import { decisionCommands } from "./commands.js";
import { decisionsRoomData } from "./room-data.js";
import { decisionServices, type DecisionSlice } from "./services.js";
import { decisions as en } from "./texts/en.js";
import { decisions as es } from "./texts/es.js";

/** The decision log: every decision logged openly inside the cell, revised and revoked, never deleted. */
export const decisions = defineFeature<DecisionSlice>({
  name: "decisions",
  services: decisionServices,
  commands: decisionCommands,
  roomData: [decisionsRoomData],
  texts: { en, es },
});
