import type { Entry } from "../../../src/kernel/i18n/catalog.js";
import type { en } from "./en.js";

export const es: Record<keyof typeof en, Entry> = {
  "help.group.meeting": "Reuniones y agenda",
  "meeting.summary": "Programar una reunión; la abro con agradecimientos (moderación)",
  "meeting.bad": "No entendí “{found}”. Prueba `semanal jueves 19:00` o `viernes 18:00`.",
  "meeting.too_soon":
    "Esa reunión empieza en menos de {minutes} minutos, demasiado pronto para una apertura. Elige una hora más tarde, o escribe `{opener}` ahora.",
  "meeting.weekly":
    "Reunión semanal anotada; la próxima es el {when}. La abriré con agradecimientos {minutes} minutos antes.",
  "meeting.once": "Reunión anotada para el {when}. La abriré con agradecimientos {minutes} minutos antes.",
  "meeting.duplicate.weekly":
    "Ya hay una reunión semanal a esa hora (la próxima el {when}), así que no añadí nada. Míralas todas con `{list}`.",
  "meeting.duplicate.once":
    "Ya hay una reunión a esa hora (el {when}), así que no añadí nada. Míralas todas con `{list}`.",
  "opener.summary": "Abrir una reunión con los agradecimientos de la semana",
  "opener.title": "Antes de empezar, gracias por los cuidados de esta semana:",
  "opener.line": "{who}: {what}",
  "opener.empty":
    "Antes de empezar: esta semana todavía no hemos agradecido a nadie. ¿A quién quieres agradecer? `{example}`",
  "opener.focus.action": "Foco de hoy: la próxima acción, y quién necesita apoyo para participar.",
  "opener.focus.care": "Foco de hoy: ¿cómo estamos, y quién necesita cuidado?",
  "opener.focus.education":
    "Fase de calma: buen momento para aprender juntas. ¿Qué saber o historia podría compartir alguien?",
  "opener.focus.recruitment": "Fase de calma: ¿a quién podríamos invitar a la próxima reunión?",
  "schedule.summary": "Lo que publicaré en esta sala, y cuándo",
  "schedule.empty":
    "Todavía no hay nada programado en esta sala. Los roles, los planes de cuidado y las reuniones añaden aquí sus avisos.",
  "schedule.title": "Próximamente (horas en {zone}):",
  "schedule.once": "una vez",
  "schedule.repeats": "se repite",
  "schedule.kind.rotation.announce": "{when}: roles de la semana ({repeats})",
  "schedule.kind.careplan.reminder": "{when}: recordatorio del plan #{plan}",
  "schedule.kind.careplan.start": "{when}: llamada al cuidado espejo del plan #{plan}",
  "schedule.kind.careplan.end": "{when}: descompresión tras el plan #{plan}",
  "schedule.kind.meeting.opener": "{when}: apertura con agradecimientos antes de la reunión ({repeats})",
  "opener.example": "cocinó para la reunión",
  "meeting.cancel.summary": "Cancelar la reunión de un día (`2026-12-03`), o sin día todas (moderación)",
  "meeting.example": "semanal jueves 19:00",
  "meeting.cancel.none": "No hay reuniones programadas aquí. Para añadir una: `{example}`",
  "meeting.cancel.done": {
    one: "Reunión cancelada: no publicaré su apertura.",
    other: "{count} reuniones canceladas: no publicaré sus aperturas.",
  },
  "meeting.cancel.day": "La reunión del {day} está cancelada: no publicaré su apertura. Las demás siguen: `{list}`.",
  "meeting.cancel.no_match": "No encontré ninguna reunión el “{found}”. Mira las reuniones con `{list}`.",
  "meetings.summary": "Las reuniones que abro en esta sala",
  "meetings.none": "No hay reuniones programadas aquí. Para añadir una: `{example}`",
  "meetings.title": "Reuniones en esta sala:",
  "meetings.line.once": "{next}",
  "meetings.line.weekly": "semanal, la próxima el {next}",
  "meetings.line.weekly_skipping": "semanal, la próxima el {next} (no el {days})",
  "meetings.cancel_hint": "Para cancelar la reunión de un día: `{example}`",
  "assembly.summary":
    "Programa la asamblea mensual; antes publico el resumen y el cartel de cuidados del mes (moderación)",
  "assembly.bad":
    "No entendí “{found}”. Prueba `{example}` (primer, segundo, tercer, cuarto o último; añade `presencial` para dejar los móviles fuera).",
  "assembly.noted":
    "Asamblea mensual apuntada; la próxima es el {when}. Publicaré el resumen y el cartel de cuidados del mes anterior {minutes} minutos antes.",
  "assembly.off_none": "No había ninguna asamblea mensual programada aquí.",
  "assembly.off": {
    one: "La asamblea mensual queda desactivada: no publicaré su resumen ni su cartel.",
    other: "Las asambleas mensuales quedan desactivadas: no publicaré sus resúmenes ni carteles.",
  },
  "assembly.digest_title": "Para la asamblea: cuidados de {month}",
  "meeting.offline_noted":
    "Es una reunión sin móviles: la apertura pedirá dejarlos fuera, y no publicaré nada sobre ella una vez empezada.",
  "meeting.offline_reminder": "Esta reunión es sin móviles: por favor, deja el tuyo fuera y apagado. Nos vemos allí.",
  "schedule.kind.meeting.assembly": "{when}: resumen y cartel de cuidados del mes, antes de la asamblea ({repeats})",
  "assembly.example.when": "mensual primer lunes 19:00",
  "arg.slots": "horas",
  "arg.find": "encuesta",
  "arg.slot": "hora",
  "privacy.part.meeting_finds": {
    one: "1 respuesta suya a una encuesta de hora de reunión (se borra)",
    other: "{count} respuestas suyas a encuestas de hora de reunión (se borran)",
  },
  "meeting.find.summary":
    "Preguntar cuándo podemos reunirnos: una encuesta de varias horas, separadas por `|` (moderación)",
  "meeting.find.close.summary": "Cerrar ya una encuesta de hora y programar la hora que más pueden (moderación)",
  "meeting.find.pick.summary": "Tras un empate, elegir tú la hora de la reunión (moderación)",
  "meeting.find.names.summary":
    "Si al cerrar una encuesta de hora digo quién no puede venir (desactivado: solo cuántas personas)",
  "meeting.find.example": "jueves 19:00 | viernes 18:00",
  "meeting.find.question": "¿Cuándo puedes venir a la reunión?",
  "meeting.find.opened": "Encuesta de hora #{n}: ¿cuándo puedes venir? Marca todas las horas que te vengan bien.",
  "meeting.find.closes": "Se cierra el {when}, o antes con `{close}`; programaré la hora que más puedan.",
  "meeting.find.close_by_hand": "La moderación la cierra con `{close}`; programaré la hora que más puedan.",
  "meeting.find.offline": "Es una reunión presencial: la apertura pedirá dejar los móviles fuera.",
  "meeting.find.count": "Da entre 2 y {max} horas, separadas por `|`, como `{example}`.",
  "meeting.find.no_time": "“{found}” necesita también una hora, como `viernes 18:00`.",
  "meeting.find.too_soon":
    "“{found}” es dentro de menos de {minutes} minutos, demasiado pronto. Elige una hora más tarde.",
  "meeting.find.too_far": "“{found}” es dentro de más de {days} días. Elige una fecha más cercana.",
  "meeting.find.same": "Dos de esas horas son la misma. Da cada hora una sola vez.",
  "meeting.find.deadline":
    "La encuesta debe cerrarse dentro de {min} minutos como mínimo y antes de la primera hora ({first}), para poder abrir esa reunión.",
  "meeting.find.unknown": "No hay ninguna encuesta de hora #{n} en esta sala.",
  "meeting.find.closed_already": "La encuesta de hora #{n} ya está cerrada. Mira las reuniones con `{list}`.",
  "meeting.find.still_open": "La encuesta de hora #{n} sigue abierta. Ciérrala antes con `{close}`.",
  "meeting.find.chosen_already": "La reunión de la encuesta #{n} ya está programada. Mira las reuniones con `{list}`.",
  "meeting.find.no_slot": "Esa encuesta no tiene hora {slot}: tiene {count}.",
  "meeting.find.not_member": "Solo quienes están en esta sala pueden responder sus encuestas de hora.",
  "meeting.find.none":
    "Nadie respondió la encuesta de hora #{n}, así que no programé nada. Para preguntar de nuevo: `{again}`",
  "meeting.find.tie": "La encuesta de hora #{n} se cerró con un empate: {slots}.",
  "meeting.find.tie.pick": "Moderación, elegid una, por favor: `{pick}`",
  "meeting.find.unplanned":
    "La encuesta de hora #{n} está cerrada: la mayoría puede el {when}, pero no pude programarla.",
  "meeting.find.pick_other": "La moderación puede elegir otra hora: `{pick}`",
  "meeting.find.chosen":
    "La encuesta de hora #{n} está cerrada: nos reunimos el {when}, que pueden {count} de {voters}. La abriré con agradecimientos {minutes} minutos antes.",
  "meeting.find.all_can": "Todas las personas que respondieron pueden venir.",
  "meeting.find.cannot.count": {
    one: "1 persona que respondió no puede venir.",
    other: "{count} personas que respondieron no pueden venir.",
  },
  "meeting.find.cannot.names": "No pueden venir: {who}.",
  "meeting.find.names.on": "Al cerrar una encuesta de hora, diré quién no puede venir.",
  "meeting.find.names.off": "Al cerrar una encuesta de hora, solo diré cuántas personas no pueden venir.",
  "meeting.find.picked":
    "Elegida para la encuesta #{n}: nos reunimos el {when}. La abriré con agradecimientos {minutes} minutos antes.",
  "arg.names": "activar o desactivar",
  "schedule.kind.meeting.find.close": "{when}: se cierra una encuesta de hora y se programa la reunión",
  "meeting.find.can.summary": "Decir qué horas de una encuesta de hora te vienen bien (o responder la encuesta)",
  "meeting.find.can.done":
    "Anotado para la encuesta #{n}: te vienen bien las horas {slots}. Puedes cambiarlo hasta el cierre.",
  "meeting.find.can.none": "Anotado para la encuesta #{n}: no te viene bien ninguna de esas horas.",
  "meeting.find.bad_answer": "“{found}” no es una de las horas: da sus números, del 1 al {count}, o `ninguna`.",
  "meeting.find.typed": "¿Tu aplicación no muestra encuestas? Escribe `{can}` con los números de las horas que puedes.",
};
