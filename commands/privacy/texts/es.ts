import type { Entry } from "../../../src/kernel/i18n/catalog.js";
import type { privacy as en } from "./en.js";

export const privacy: Record<keyof typeof en, Entry> = {
  "help.group.privacy": "Privacidad",
  "arg.who": "@persona o yo",
  "privacy.someone": "alguien",
  "privacy.part.ledger": {
    one: "1 entrada del registro (su nombre pasa a ser «alguien»; el cuidado sigue contando)",
    other: "{count} entradas del registro (su nombre pasa a ser «alguien»; el cuidado sigue contando)",
  },
  "privacy.part.rotation": {
    one: "1 lugar en la rotación de roles (sale de él; sus turnos pasados quedan sin nombre)",
    other: "{count} lugares en la rotación de roles (sale de ellos; sus turnos pasados quedan sin nombre)",
  },
  "privacy.part.careplans": {
    one: "1 plan de cuidados en el que participó o que creó",
    other: "{count} planes de cuidados en los que participó o que creó",
  },
  "privacy.part.mentions": {
    one: "1 texto que le nombra (lo que se cuidó, una corrección, un plan): el nombre pasa a ser «alguien»",
    other: "{count} textos que le nombran (lo que se cuidó, correcciones, planes): el nombre pasa a ser «alguien»",
  },
  "privacy.wipe.ledger": {
    one: "1 entrada del registro (se borra, con sus correcciones)",
    other: "{count} entradas del registro (se borran, con sus correcciones)",
  },
  "privacy.wipe.rotation": {
    one: "1 rol de la rotación (se borra, con su fila, ausencias y turnos pasados)",
    other: "{count} roles de la rotación (se borran, con sus filas, ausencias y turnos pasados)",
  },
  "privacy.wipe.careplans": {
    one: "1 plan de cuidados (se borra, con quienes participan) y los actos de cuidado propios de la sala",
    other: "{count} planes de cuidados (se borran, con quienes participan) y los actos de cuidado propios de la sala",
  },
  "privacy.part.schedule": {
    one: "1 aviso programado y los ajustes de la sala",
    other: "{count} avisos programados y los ajustes de la sala",
  },
  "privacy.forget.summary": "Borrar a una persona de la memoria de esta sala (a ti, o a cualquiera con moderación)",
  "privacy.forget.not_allowed":
    "Puedes pedirme que te olvide (`{me}`). Olvidar a otra persona es cosa de la moderación.",
  "privacy.forget.nothing": "No guardo nada sobre {who} en esta sala.",
  "privacy.forget.preview": "Esto es lo que guardo sobre {who} en esta sala:",
  "privacy.forget.forms": "Encontré su nombre escrito así: {forms}. Todas estas formas se van.",
  "privacy.forget.ask": "Todavía no cambió nada. Para olvidarlo, escribe `{confirm}`. No se puede deshacer.",
  "privacy.forget.which":
    "Hay más de una persona que encaja con {who}: {candidates}. Escribe el id completo, por ejemplo `{example}`.",
  "privacy.forget.done":
    "Hecho: esa persona queda olvidada en esta sala. Lo que ya se publicó en la sala sigue en su historial.",
  "privacy.forget.done_matrix":
    "Hecho: esa persona queda olvidada en esta sala. Lo que ya se publicó en la sala sigue en su historial, y en Matrix mi almacén sellado de claves guarda las claves de sus dispositivos (la biblioteca de Matrix no permite quitarlas).",
  "privacy.wipe.summary": "Borrar todo lo que guardo sobre esta sala (moderación)",
  "privacy.wipe.nothing": "No guardo nada sobre esta sala.",
  "privacy.wipe.preview": "Esto es todo lo que guardo sobre esta sala:",
  "privacy.wipe.ask":
    "Todavía no cambió nada. Guarda primero lo que quieras (`{export}`) y luego escribe `{confirm}` para borrarlo todo. No se puede deshacer.",
  "privacy.wipe.done": "Hecho: todo lo que guardaba sobre esta sala está borrado.",
  // The words a hint writes for "me" and "confirm", as the room types them.
  "privacy.word.me": "yo",
  "privacy.word.confirm": "confirmar",
};
