export * from "./catalog.js";
export * from "./decompression.js";
