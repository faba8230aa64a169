export * from "./state.js";
export * from "./transitions.js";
export * from "./plan.js";
export * from "./calendar.js";
export * from "./term.js";
