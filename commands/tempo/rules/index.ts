export * from "./tempo.js";
