/**
 * What a feature's command file needs from the kernel, in one import:
 * `import { commandsOf, param, Level, UserError, doc, p, type CommandContext } from "../../src/kernel/authoring.js"`.
 * The modules behind it stay where they are; this file only gathers them for feature authors.
 */
export { commandsOf, type CommandContext, type RenderContext, type Rendered } from "./command.js";
export { about, doc, heading, list, listing, p, pre, type Block, type Doc, type Inline } from "./doc.js";
export { UserError, wordsOf, type Deferred } from "./errors.js";
export { Level, mayChangeRecord } from "./level.js";
export { orRefuse } from "./or-refuse.js";
export { param } from "./params.js";
export { err, ok, type Result } from "./result.js";
