import { defineFeature } from "../../src/kernel/feature.js";
import { IDENTITY_CHANGED } from "../../src/kernel/identity-holds.js";
import { trust as trustCommand } from "./commands.js";
import { identityChanged } from "./identity-changed.js";
import { identityHoldsRoomData } from "./room-data.js";
import { trustServices, type TrustSlice } from "./services.js";
import { trust as en } from "./texts/en.js";
import { trust as es } from "./texts/es.js";

/** A member's changed identity: the room is told, her commands wait, and a moderator's `!trust` lets them run. */
export const trust = defineFeature<TrustSlice>({
  name: "trust",
  services: trustServices,
  commands: [trustCommand],
  roomData: [identityHoldsRoomData],
  texts: { en, es },
  events: { [IDENTITY_CHANGED]: identityChanged },
});
