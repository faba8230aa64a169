import type { Entry } from "../../../src/kernel/i18n/catalog.js";
import type { en } from "./en.js";

export const es: Record<keyof typeof en, Entry> = {
  "help.group.settings": "Ajustes de la sala",
  "arg.language": "idioma",
  "arg.timezone": "zona horaria",
  "settings.summary": "Ver el idioma y la zona horaria de esta sala",
  "settings.current": "Esta sala habla {language} y vive en la zona horaria {timezone}.",
  "settings.language.summary": "Elegir el idioma que uso en esta sala (moderación)",
  "settings.language.unknown": "Todavía no hablo «{found}». Conozco: {choices}.",
  "settings.language.done": "A partir de ahora hablaré {language} en esta sala.",
  "settings.timezone.summary": "Fijar la zona horaria de esta sala (moderación)",
  "settings.timezone.unknown": "«{found}» no es una zona horaria que conozca. Usa un nombre como Europe/Madrid o America/Bogota.",
  "settings.timezone.done": "La zona horaria de esta sala ahora es {timezone}. Las fechas y los avisos programados la siguen.",
  "language.en": "inglés",
  "language.es": "español",
};
