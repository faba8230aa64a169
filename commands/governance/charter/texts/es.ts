import type { Entry } from "../../../../src/kernel/i18n/catalog.js";
import type { charter as en } from "./en.js";

export const charter: Record<keyof typeof en, Entry> = {
  "help.group.charter": "Carta viva",
  "arg.article": "artículo",
  "privacy.part.charter": {
    one: "1 nota que escribió bajo la carta (la nota se queda; quién la escribió, no)",
    other: "{count} notas que escribió bajo la carta (las notas se quedan; quién las escribió, no)",
  },
  "privacy.wipe.charter": {
    one: "la carta: 1 artículo, con sus versiones y notas (se borra)",
    other: "la carta: {count} artículos, con sus versiones y notas (se borran)",
  },
  "charter.summary": "La carta de la célula, artículo por artículo",
  "charter.empty":
    "Esta sala aún no tiene carta. Una persona moderadora puede empezarla desde un borrador corto que la célula reescribe: `{start}`",
  "charter.none": "Esta sala aún no tiene carta. Una persona moderadora puede empezarla: `{start}`",
  "charter.unknown": "No hay un artículo {n} en esta carta. Míralos todos con `{list}`.",
  "charter.title": "Nuestra carta:",
  "charter.notes_waiting": { one: "1 nota espera que la hablemos.", other: "{count} notas esperan que las hablemos." },
  "charter.more":
    "Un artículo completo: `{show}`. Una nota debajo: `{note}`. Un cambio, que la célula decide en su próxima reunión: `{amend}`.",
  "charter.show.summary": "Un artículo completo, con las notas que tiene debajo",
  "charter.notes": "Notas que esperan a la célula:",
  "charter.note_line": "{text} ({day})",
  "charter.history_hint": "Todas sus versiones anteriores: `{history}`",
  "charter.start.summary": "Empieza la carta desde un borrador corto (moderación)",
  "charter.already": "Esta sala ya tiene carta: `{list}`.",
  "charter.started": "Aquí tienen un primer borrador. Es suyo para reescribirlo juntas, artículo por artículo.",
  "charter.note.summary": "Escribe una nota bajo un artículo, para que la célula la hable",
  "charter.noted": "Tu nota queda bajo el artículo {n} ({title}) hasta que la célula la trate: `{show}`.",
  "charter.history.summary": "Todas las versiones de un artículo, con su fecha y su decisión",
  "charter.history": "Artículo {n} ({title}), versión por versión:",
  "charter.version.start": "{day}: primer borrador — {text}",
  "charter.version.add": "{day}: añadido — {text}",
  "charter.version.amend": "{day}: enmendado — {text}",
  "charter.version.remove": "{day}: quitado",
  "charter.version.start.decided": "{day}: primer borrador (decisión #{decision}) — {text}",
  "charter.version.add.decided": "{day}: añadido por la decisión #{decision} — {text}",
  "charter.version.amend.decided": "{day}: enmendado por la decisión #{decision} — {text}",
  "charter.version.remove.decided": "{day}: quitado por la decisión #{decision}",
  "charter.skeleton.purpose.title": "Por qué estamos aquí",
  "charter.skeleton.purpose.body":
    "Nos organizamos juntas para que todas las personas que trabajan aquí reciban un trato digno, un salario justo y seguridad. Nos cuidamos mientras lo hacemos.",
  "charter.skeleton.deciding.title": "Cómo decidimos",
  "charter.skeleton.deciding.body":
    "Decidimos en reuniones abiertas, por consentimiento: una propuesta sigue adelante salvo que alguien la bloquee por una razón seria, y cada bloqueo se escucha. Cada decisión queda escrita en nuestro registro.",
  "charter.skeleton.roles.title": "Roles rotativos",
  "charter.skeleton.roles.body":
    "Facilitar, llevar el dinero y hablar por nosotras cambian de manos con regularidad, para que nadie cargue un rol a solas y todas lo aprendan.",
  "charter.skeleton.care.title": "Cuidado",
  "charter.skeleton.care.body":
    "Cada acción va con un acto de cuidado al mismo tiempo, y después de cada una descansamos y hablamos. Nos agradecemos lo que damos.",
  "charter.skeleton.safety.title": "Seguridad",
  "charter.skeleton.safety.body":
    "Lo que se dice aquí se queda aquí. Nunca compartimos un nombre fuera de la célula sin el consentimiento de esa persona, y los teléfonos quedan fuera en las reuniones sin pantallas.",
  "charter.amend.summary":
    "Propone nuevas palabras para un artículo (se decide como cualquier propuesta, por defecto en la próxima reunión)",
  "charter.add.summary": "Propone un artículo nuevo",
  "charter.remove.summary": "Propone quitar un artículo",
  "charter.article_empty": "¿Qué debe decir el artículo? Escribe un título y su texto, así: `{example}`.",
  "charter.article_example": "Dinero: quien cuida el fondo informa en cada reunión",
  "charter.same_open":
    "La propuesta #{n} ya propone exactamente este cambio y sigue abierta: responde a esa (`{show}`).",
  "charter.question.amend": "Cambiar el artículo {n} ({title}) por: {text}",
  "charter.question.add": "Añadir a la carta: {text}",
  "charter.question.remove": "Quitar el artículo {n} ({title}) de la carta",
  "charter.print.summary": "La carta en PDF para la pared, en letra grande (A3, o a4; anónimo deja fuera la sala)",
  "charter.print.title": "Nuestra carta",
  "charter.print.file": "carta",
  "charter.print.version": "Versión {version}, {date}",
  "charter.print.anonymous_word": "anónimo",
  "charter.print.ready": {
    one: "Aquí está la carta (1 artículo, versión {version}) en PDF tamaño {size}, lista para imprimir.",
    other: "Aquí está la carta ({count} artículos, versión {version}) en PDF tamaño {size}, lista para imprimir.",
  },
  "charter.print.hint_other": "Para otro tamaño: `{other}`.",
  "charter.print.hint":
    "Para otro tamaño: `{other}`. Sin el nombre de la sala: `{anonymous}`. El nombre de la sala va después del comando.",
  "charter.opener.title": "Notas sobre nuestra carta, que esperan a esta reunión:",
  "charter.opener.line": "artículo {n} ({title}): {text}",
};
