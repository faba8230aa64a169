import { defineFeature } from "../../src/kernel/feature.js";
import { IDENTITY_CHANGED } from "../../src/kernel/identity-holds.js";
import { trust as trustCommand } from "./commands.js";
import { identityChanged } from "./identity-changed.js";
import { identityHoldsRoomData } from "./room-data.js";
import { trustServices, type TrustSlice } from "./services.js";
import { trust as en } from "./texts/en.js";
import { trust as es } from "./texts/es.js";

/** A member's changed identity: the room is told, her commands wait, and a moderator's `!trust` lets them run. */
export const trust = defineFeature<TrustSlice, (typeof names)[number]>({
  name: "trust",
  services: trustServices,
  commands: [trustCommand],
  roomData: [identityHoldsRoomData],
  texts: { en, es },
  events: { [IDENTITY_CHANGED]: identityChanged },
});

/** The canonical names of this feature's commands: what hints anywhere may name (commands/index.ts checks them). */
const names = ["trust"] as const;

declare module "../../src/kernel/command.js" {
  interface CommandNames extends Record<(typeof names)[number], true> {}
}
