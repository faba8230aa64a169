import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Script } from "./script-runs.js";

const require = createRequire(import.meta.url);

/** A font file inside an npm package: fonts ship with the code, never fetched at run time. */
const inPackage = (name: string, file: string) => join(dirname(require.resolve(`${name}/package.json`)), file);

/**
 * Noto Sans covers Latin with accents, Greek and Cyrillic. For Arabic, IBM Plex Sans Arabic: its
 * shaped letters are whole glyphs that map back to their letters, so the PDF's text can be copied
 * and searched (Noto Sans Arabic draws some letters as a base plus dots, and the copy loses them).
 */
export const FONT_FILES: Record<Script, { regular: string; bold: string }> = {
  latin: {
    regular: inPackage("@expo-google-fonts/noto-sans", "400Regular/NotoSans_400Regular.ttf"),
    bold: inPackage("@expo-google-fonts/noto-sans", "700Bold/NotoSans_700Bold.ttf"),
  },
  arabic: {
    regular: inPackage("@expo-google-fonts/ibm-plex-sans-arabic", "400Regular/IBMPlexSansArabic_400Regular.ttf"),
    bold: inPackage("@expo-google-fonts/ibm-plex-sans-arabic", "700Bold/IBMPlexSansArabic_700Bold.ttf"),
  },
};
