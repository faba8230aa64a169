import { IANAZone } from "luxon";
import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { doc, p } from "../src/core/doc.js";
import { UserError } from "../src/core/errors.js";
import { Level } from "../src/core/level.js";
import { LANGUAGES, isLang } from "../src/i18n/catalog.js";
import { translator } from "../src/i18n/index.js";
import { replanRoom } from "../src/scheduler/schedule.js";
import { setRoomLanguage, setRoomTimezone } from "../src/store/room-settings.js";

export const showSettings = defineCommand({
  name: "settings",
  aliases: ["ajustes"],
  group: "settings",
  summary: "settings.summary",
  examples: ["settings"],
  level: Level.Member,
  params: [],
  args: z.object({}),
  run(_args, ctx) {
    return doc(p(...ctx.t.t("settings.current", { language: ctx.t.text(`language.${ctx.settings.language}`), timezone: ctx.settings.timezone })));
  },
});

export const setLanguage = defineCommand({
  name: "settings language",
  aliases: ["ajustes idioma"],
  group: "settings",
  summary: "settings.language.summary",
  examples: ["settings language es", "settings language en"],
  level: Level.Moderator,
  params: [{ name: "language", kind: "word" }],
  args: z.object({ language: z.string() }),
  run({ language }, ctx) {
    const lang = language.toLocaleLowerCase();
    if (!isLang(lang)) throw new UserError("settings.language.unknown", { found: language, choices: LANGUAGES.join(", ") });
    setRoomLanguage(ctx.db, ctx.roomId, lang, ctx.now);
    const t = translator(lang);
    return doc(p(...t.t("settings.language.done", { language: t.text(`language.${lang}`) })));
  },
});

export const setTimezone = defineCommand({
  name: "settings timezone",
  aliases: ["settings tz", "ajustes zona"],
  group: "settings",
  summary: "settings.timezone.summary",
  examples: ["settings timezone Europe/Madrid", "settings timezone America/Mexico_City"],
  level: Level.Moderator,
  params: [{ name: "timezone", kind: "word" }],
  args: z.object({ timezone: z.string().max(64) }),
  run({ timezone }, ctx) {
    if (!IANAZone.isValidZone(timezone)) throw new UserError("settings.timezone.unknown", { found: timezone });
    // Intl spells the zone canonically ("europe/madrid" → "Europe/Madrid").
    const canonical = new Intl.DateTimeFormat("en", { timeZone: timezone }).resolvedOptions().timeZone;
    setRoomTimezone(ctx.db, ctx.roomId, canonical, ctx.now);
    // Scheduled posts keep their local time: 09:00 stays 09:00 in the new zone.
    replanRoom(ctx.db, ctx.roomId, canonical, ctx.now);
    return doc(p(...ctx.t.t("settings.timezone.done", { timezone: canonical })));
  },
});

export const settingsCommands = [showSettings, setLanguage, setTimezone];
