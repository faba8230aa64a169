import type { Entry } from "../../../src/kernel/i18n/catalog.js";
import type { lessons as en } from "./en.js";

export const lessons: Record<keyof typeof en, Entry> = {
  "help.group.lesson": "Lecciones: cada acción deja datos para la siguiente",
  "privacy.part.lessons": {
    one: "1 lección que escribió (la lección se queda; quién la escribió, no)",
    other: "{count} lecciones que escribió (las lecciones se quedan; quién las escribió, no)",
  },
  "schedule.kind.lesson.prompt": "{when}: ¿qué aprendimos del plan #{plan}?",
  "lesson.summary": "Anota lo que nos enseñó una acción (del plan N, o del último preguntado)",
  "lesson.example": "con dos personas en cada puerta bastó #piquete",
  "lesson.empty": "¿Qué aprendieron? Escríbelo después del comando, así: `{example}`.",
  "lesson.plan_unknown":
    "Aquí no hay ningún plan de cuidados #{plan}. Los planes que hay son: {plans} (`{list}`). No se guardó nada.",
  "lesson.plan_none":
    "Aquí no hay ningún plan de cuidados #{plan}: aún no se hizo ninguno. Escribe la lección sin número. No se guardó nada.",
  "lesson.recorded": "La lección **#{n}** queda guardada. Todas: `{list}`.",
  "lesson.recorded.plan": "La lección **#{n}** queda guardada con el plan de cuidado #{plan}. Todas: `{list}`.",
  "lesson.prompt":
    "Buenos días. El plan de cuidado #{plan} ya pasó: cada acción deja datos para la siguiente. Aquí, en el hilo de este mensaje:",
  "lesson.prompt.worked": "¿Qué funcionó?",
  "lesson.prompt.management": "¿Cómo respondió la dirección?",
  "lesson.prompt.together": "¿Cómo nos sostuvimos juntas?",
  "lesson.prompt.how":
    "Para guardar una lección para la próxima vez: `{record}`. Solo se guarda lo que alguien escribe así.",
  "lesson.line": "({day}): {text}",
  "lesson.line.plan": "(plan {plan}, {day}): {text}",
  "lessons.summary": "Las lecciones guardadas, o las de una #etiqueta",
  "lessons.title": { one: "1 lección guardada:", other: "{count} lecciones guardadas, las más nuevas primero:" },
  "lessons.more": { one: "… y 1 más antigua.", other: "… y {count} más antiguas." },
  "lessons.none": "Todavía no hay lecciones guardadas. Después de una acción, escribe una: `{example}`",
  "lessons.none_tagged": "Ninguna lección tiene la etiqueta {tag} todavía.",
  "lessons.tag_expected": "Para filtrar lecciones, escribe una etiqueta con #, como `#piquete` (escribiste «{found}»).",
  "lessons.burst": {
    one: "Lo que nos enseñó el momento intenso anterior (1 lección):",
    other: "Lo que nos enseñó el momento intenso anterior ({count} lecciones):",
  },
};
