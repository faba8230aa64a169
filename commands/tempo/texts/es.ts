import type { Entry } from "../../../src/kernel/i18n/catalog.js";
import type { en } from "./en.js";

export const es: Record<keyof typeof en, Entry> = {
  "help.group.tempo": "Ritmo de la campaña",
  "arg.phase": "intenso|calma",
  "tempo.summary": "El ritmo de la célula: momentos intensos y de calma, con la luna",
  "tempo.bad_until": "Un momento intenso tiene que terminar en el futuro, por ejemplo `{example}`.",
  "tempo.burst.open": "Empieza un momento intenso. Acordaos de planear su final.",
  "tempo.burst.until": "Empieza un momento intenso, hasta el {until}.",
  "tempo.burst.too_long":
    "Con cariño: eso es más de un mes lunar. Los momentos intensos aguantan mejor si son cortos; pensad en una fase de calma entre medias.",
  "tempo.slow.done": "Empieza una fase de calma: tiempo para aprender, cuidarse y sumar gente nueva.",
  "tempo.show.burst": {
    one: "Fase: intensa, desde hace {count} día (desde el {since}).",
    other: "Fase: intensa, desde hace {count} días (desde el {since}).",
  },
  "tempo.show.slow": {
    one: "Fase: calma, desde hace {count} día (desde el {since}).",
    other: "Fase: calma, desde hace {count} días (desde el {since}).",
  },
  "tempo.show.burst.today": "Fase: intensa, desde hoy.",
  "tempo.show.slow.today": "Fase: calma, desde hoy.",
  "tempo.show.until": "Prevista hasta el {until}.",
  "tempo.moons": "Próxima luna nueva: {newMoon}. Próxima luna llena: {fullMoon}.",
  "tempo.part": "El ritmo de la sala y sus últimos avisos",
  "tempo.example.until": "hasta el viernes",
};
