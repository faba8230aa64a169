import { p, type Block, type Doc, type Inline } from "./doc.js";
import type { Translator } from "./i18n/index.js";
import { excerpt } from "./text-hygiene.js";

/**
 * Matrix refuses events over 65,536 bytes, and a reply carries its text twice (plain and HTML)
 * inside JSON. A document over this many characters of JSON is shortened before it is queued.
 */
export const MAX_DOC_CHARS = 24_000;
const MAX_TEXT_CHARS = 4_000;

const sizeOf = (blocks: Block[]) => JSON.stringify(blocks).length;

function shortenInline(part: Inline): Inline {
  if (typeof part === "string") return excerpt(part, MAX_TEXT_CHARS);
  return "text" in part ? { ...part, text: excerpt(part.text, MAX_TEXT_CHARS) } : part;
}

function shortenBlock(block: Block): Block {
  switch (block.kind) {
    case "p":
    case "heading":
      return { ...block, parts: block.parts.map(shortenInline) };
    case "list":
      return { ...block, items: block.items.map((item) => item.map(shortenInline)) };
    case "pre":
      return { ...block, text: excerpt(block.text, MAX_TEXT_CHARS * 4) };
  }
}

/**
 * A reply that fits in one Matrix event: long texts are cut to an excerpt, and long lists lose
 * their last items, with one closing line saying how many were left out. Features shorten their
 * own lists first, with a hint to the full view; this is the net under them.
 */
export function fitToEvent(doc: Doc, t: Translator): Doc {
  if (sizeOf(doc.blocks) <= MAX_DOC_CHARS) return doc;
  const blocks = doc.blocks.map(shortenBlock);
  let dropped = 0;
  for (let size = sizeOf(blocks); size > MAX_DOC_CHARS; size = sizeOf(blocks)) {
    const lists = blocks.filter((b): b is Extract<Block, { kind: "list" }> => b.kind === "list" && b.items.length > 1);
    if (lists.length === 0) break;
    const longest = lists.reduce((a, b) => (b.items.length > a.items.length ? b : a));
    const remove = Math.max(1, Math.ceil((longest.items.length * (size - MAX_DOC_CHARS)) / size));
    const before = longest.items.length;
    longest.items.splice(Math.max(1, before - remove));
    dropped += before - longest.items.length;
  }
  while (sizeOf(blocks) > MAX_DOC_CHARS && blocks.length > 1) blocks.pop();
  return { ...doc, blocks: [...blocks, p(...t.t("reply.shortened", { count: dropped }))] };
}
