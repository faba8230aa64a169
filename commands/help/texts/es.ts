import type { Entry } from "../../../src/kernel/i18n/catalog.js";
import type { help as en } from "./en.js";

/** What help says. */
export const help: Record<keyof typeof en, Entry> = {
  "help.summary": "Mostrar lo que sé hacer, o cómo hacer algo",
  "help.intro": "Esto es lo que me puedes pedir en esta sala:",
  "help.more": "Escribe `{example}` para ver cómo se usan, con ejemplos, o busca cualquier palabra, como `{search}`.",
  "help.search_example": "deshacer",
  "help.nothing": "No encontré nada sobre «{topic}». Escribe `{help}` para verlo todo.",
  "help.group.help": "Ayuda",
  "arg.topic": "tema",
};
