import { createRequire } from "node:module";
import type { Resvg as ResvgClass } from "@resvg/resvg-js";
import type { Attachment } from "../../src/kernel/doc.js";
import { FONT_FILES } from "../../src/platform/print/fonts.js";
import type { PosterPage, PosterText } from "./rules/poster-layout.js";

/** The renderer's native module loads when the first poster is drawn, not with every Tandem. */
let Resvg: typeof ResvgClass | undefined;
const resvgClass = (): typeof ResvgClass =>
  (Resvg ??= (createRequire(import.meta.url)("@resvg/resvg-js") as { Resvg: typeof ResvgClass }).Resvg);

/** The preview a client shows before it downloads the poster. */
const THUMBNAIL_WIDTH = 400;

/*
 * Fonts are loaded from the bundled files only (never the machine's): the poster looks the same on
 * every server. Noto Sans has Latin with accents, Greek and Cyrillic; IBM Plex Sans Arabic, Arabic.
 */
const FONTS = {
  loadSystemFonts: false,
  fontFiles: [FONT_FILES.latin.regular, FONT_FILES.latin.bold, FONT_FILES.arabic.regular, FONT_FILES.arabic.bold],
  defaultFontFamily: "Noto Sans",
};

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function textElement(t: PosterText): string {
  // resvg shapes and orders right-to-left runs itself; the family decides which font has the letters.
  const family = t.rtl ? "IBM Plex Sans Arabic, Noto Sans" : "Noto Sans, IBM Plex Sans Arabic";
  const weight = t.bold ? ` font-weight="700"` : "";
  return `<text x="${t.x}" y="${t.y}" font-family="${family}" font-size="${t.size}"${weight} text-anchor="${t.anchor}" fill="#2b2118">${escapeXml(t.text)}</text>`;
}

export function posterSvg(page: PosterPage): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${page.width}" height="${page.height}" viewBox="0 0 ${page.width} ${page.height}">`,
    `<rect width="100%" height="100%" fill="#fbf4e8"/>`,
    `<rect x="24" y="24" width="${page.width - 48}" height="${page.height - 48}" rx="28" fill="none" stroke="#c8693a" stroke-width="6"/>`,
    ...page.texts.map(textElement),
    `</svg>`,
  ].join("\n");
}

/** One page as a PNG attachment with its thumbnail. */
export function posterAttachment(page: PosterPage, fileName: string): Attachment {
  const svg = posterSvg(page);
  const Renderer = resvgClass();
  const full = new Renderer(svg, { font: FONTS }).render();
  const thumb = new Renderer(svg, { font: FONTS, fitTo: { mode: "width", value: THUMBNAIL_WIDTH } }).render();
  return {
    fileName,
    mimeType: "image/png",
    base64: Buffer.from(full.asPng()).toString("base64"),
    image: {
      width: full.width,
      height: full.height,
      thumbnail: {
        mimeType: "image/png",
        base64: Buffer.from(thumb.asPng()).toString("base64"),
        width: thumb.width,
        height: thumb.height,
      },
    },
  };
}
