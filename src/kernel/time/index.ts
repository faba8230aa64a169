export * from "./local-time.js";
export * from "./cron.js";
export * from "./recurrence.js";
export * from "./missed-run.js";
export * from "./natural.js";
export * from "./moon.js";
