import type { Entry } from "../../../src/kernel/i18n/catalog.js";
import type { governance as en } from "./en.js";

export const governance: Record<keyof typeof en, Entry> = {
  "help.group.proposal": "Propuestas y votaciones",
  "arg.wording": "pregunta",
  "arg.proposal": "propuesta",
  "arg.choices": "respuesta",
  "arg.via": "vía",
  "privacy.part.proposals": {
    one: "1 voto o propuesta suya (los votos abiertos se borran; las propuestas quedan, sin su nombre)",
    other: "{count} votos o propuestas suyas (los votos abiertos se borran; las propuestas quedan, sin su nombre)",
  },
  "propose.summary":
    "Empezar una propuesta: por consentimiento (de acuerdo / me abstengo / en contra / bloqueo) o eligiendo entre opciones",
  "propose.close.summary": "Cerrar una propuesta ya (quien la propuso o moderación)",
  "proposal.show.summary": "Ver cómo va una propuesta y cómo votar",
  "vote.summary": "Votar una propuesta (en un chat directo, con el código, si la votación es secreta)",
  "proposal.example": "Rechazamos las horas extra en diciembre",
  "proposal.error.empty": "¿Qué propones? Escríbelo tras el comando, como `{example}`.",
  "proposal.error.options_few":
    "Una elección necesita al menos dos opciones, separadas por `|`, como `opciones: local del sindicato | café`.",
  "proposal.error.options_many": "Una elección puede tener como mucho 10 opciones.",
  "proposal.error.option_long": "Cada opción puede tener como mucho 100 caracteres.",
  "proposal.error.max_bad": "`max` debe estar entre 1 y el número de opciones.",
  "proposal.in_room":
    "Empieza las propuestas en la sala de la célula, para que todo el mundo las vea. Aquí, en nuestro chat directo, puedes emitir votos secretos.",
  "proposal.no_meeting":
    "No hay ninguna reunión programada. Programa una con `{example}`, o da un día, como `hasta viernes 18:00`.",
  "proposal.deadline_range":
    "Una propuesta está abierta de {min} minutos a {days} días. Da un plazo entre medias, como `hasta viernes 18:00`.",
  "proposal.unknown": "Aquí no hay ninguna propuesta #{n}.",
  "proposal.not_yours":
    "Solo quien propuso la #{n} o moderación puede cerrarla antes. Se cierra sola al acabar el plazo.",
  "proposal.closed_already":
    "La propuesta #{n} ya está cerrada; su resultado está en el registro de decisiones (`{show}`).",
  "proposal.opened": "Propuesta **#{n}**: {question}",
  "proposal.opened.secret": "Votación secreta **#{n}**: {question}",
  "proposal.max": "Puedes elegir hasta {max} opciones.",
  "proposal.how": "Responde la encuesta, o escribe `{vote}`. Cuenta tu última respuesta.",
  "proposal.how.secret":
    "Nadie sabrá qué votaste. Vota en un chat directo conmigo, con el código **{code}**: `{vote}`.",
  "proposal.closes": "Se cierra el {when} (o antes con `{close}`).",
  "proposal.answer.agree": "De acuerdo",
  "proposal.answer.abstain": "Me abstengo",
  "proposal.answer.disagree": "En contra",
  "proposal.answer.block": "Bloqueo",
  "proposal.word.agree": "acuerdo",
  "proposal.word.abstain": "abstengo",
  "proposal.word.disagree": "contra",
  "proposal.word.block": "bloqueo",
  "proposal.outcome.adopted": "aprobada",
  "proposal.outcome.not_adopted": "no aprobada",
  "proposal.outcome.blocked": "no aprobada (bloqueada)",
  "proposal.outcome.no_quorum": "sin quórum",
  "proposal.outcome.chosen": "elegida: {leaders}",
  "proposal.outcome.tie": "empate, no se elige nada",
  "proposal.outcome.could_not_apply": "aprobada, pero no se pudo aplicar: el artículo {article} ya no está en la carta",
  "proposal.decision": "Propuesta #{n}: {question}: {outcome} ({counts})",
  "proposal.closed": "Cerrada. {outcome}",
  "proposal.turnout": "Respondieron {voters} de {eligible} miembros.",
  "proposal.recorded": "Está en el registro de decisiones como la #{decision} (`{show}`).",
  "proposal.block.thanks":
    "Gracias por hablar con un bloqueo: muestra que algo importa. {who}, y quien bloqueó, por favor hablad antes de la próxima reunión.",
  "proposal.block.thanks.named":
    "Gracias por hablar con un bloqueo: muestra que algo importa. {who}: por favor hablad antes de la próxima reunión.",
  "proposal.reaction":
    "¡Gracias por reaccionar! Pero una reacción no es un voto: responde la encuesta, o escribe `{vote}`.",
  "proposal.reaction.secret":
    "¡Gracias por reaccionar! Pero una reacción no es un voto: es una votación secreta, así que vota en un chat directo conmigo: `{vote}`.",
  "proposal.status": "Propuesta **#{n}**: {question}. Abierta hasta el {when}. Vota con `{vote}`.",
  "proposal.status.closed": "La propuesta #{n} ({question}) está cerrada; su resultado es la decisión #{decision}.",
  "vote.unknown_code":
    "No conozco la votación «{code}». Usa el número de la propuesta en la sala, como `{example}`, o el código que da su anuncio.",
  "vote.secret_in_direct":
    "Es una votación secreta: vota en un chat directo conmigo, con el código {code}, para que nadie vea tu voto.",
  "vote.not_eligible": "Solo pueden votar la propuesta #{n} quienes estaban en la sala cuando empezó.",
  "vote.closed": "La propuesta #{n} está cerrada; los votos después del cierre no cuentan.",
  "vote.unknown_answer": "No entendí «{found}» como respuesta. Responde acuerdo, abstengo, contra o bloqueo.",
  "vote.unknown_option": "No entendí «{found}» como opción. Da números de opción del 1 al {count}.",
  "vote.too_many": "Puedes elegir hasta {max} opciones.",
  "vote.secret_withdraw": "Un voto secreto se puede cambiar (con tu recibo), pero no retirar.",
  "vote.receipt_unknown": "Ese recibo no corresponde a ningún voto de esta votación. Revísalo; es como `7F3A-K2PX`.",
  "vote.secret_twice":
    "Ya votaste en esta votación. Para cambiar tu voto, añade el recibo que te di, como `{example}`.",
  "vote.secret.done":
    "Tu voto secreto en la #{n} está contado. Tu recibo: **{receipt}**. Guárdalo para ti: solo con él se puede cambiar el voto (`{change}`). No guardo ningún vínculo entre tú y tu voto.",
  "vote.secret.changed": "Tu voto secreto en la #{n} está cambiado.",
  "vote.withdrawn": "Tu respuesta en la #{n} está retirada.",
  "vote.because": "porque …",
  "vote.word.none": "ninguna",
  "vote.reason.sample": "bloqueo porque pone en riesgo al turno de noche",
  "vote.reason_empty": "Escribe tu motivo después de «porque», como `{example}`.",
  "vote.reason_long":
    "Un motivo puede tener como mucho {max} caracteres. Di aquí lo esencial; la reunión puede escuchar el resto.",
  "vote.reason_withdraw": "Un motivo acompaña a una respuesta. Para retirar tu respuesta, escribe solo `{none}`.",
  "vote.block.ask":
    "Un bloqueo detiene la propuesta, así que la célula necesita saber por qué. Añade tu motivo: `{because}`.",
  "proposal.reasons": "Motivos dados:",
  "proposal.reason": "{answer}: {text}",
  "proposal.reason.named": "{answer}: {text} ({who})",
  "vote.reason.secret_reply":
    "Es una votación secreta: da tu motivo con tu voto en nuestro chat directo (`{vote}`), para que nadie lo vincule contigo.",
  "vote.reason.no_vote":
    "Responde primero a la propuesta #{n}; después, una respuesta a su encuesta se guarda como el motivo de tu voto.",
  "vote.reason.kept": "Tu motivo queda con tu respuesta en la #{n}; se lee en el cierre.",
  "proposal.how.reason": "¿Bloqueas, o quieres decir por qué? Responde a esta encuesta con tu motivo.",
  "vote.done": "Tu voto en la #{n} está contado. Puedes cambiarlo hasta el cierre (`{change}`).",
  "proposal.opener.title": "Propuestas abiertas o que se cierran en esta reunión:",
  "proposal.opener.closing": "#{n} {question} (se cierra en esta reunión)",
  "proposal.opener.open": "#{n} {question} (sigue abierta después)",
  "settings.quorum.summary":
    "Fijar cuántos miembros deben responder una propuesta para que cuente: `3 personas`, `50%`, o `ninguno`",
  "settings.quorum.done": "Ahora las propuestas necesitan que responda el {percent}% de los miembros.",
  "settings.quorum.none": "Ahora las propuestas cuentan respondan cuantos respondan.",
  "settings.quorum.bad":
    "No entendí «{found}» como quórum. Da un número de personas, como `{people}`, un porcentaje de los miembros del 1 al 100, como `50%`, o `ninguno`.",
  "settings.quorum.which": {
    one: "¿Quieres decir 1 persona, o el 1% de los miembros? Escribe `{people}` o `{percent}`.",
    other: "¿Quieres decir {count} personas, o el {count}% de los miembros? Escribe `{people}` o `{percent}`.",
  },
  "settings.quorum.people": {
    one: "Ahora las propuestas necesitan que responda 1 persona.",
    other: "Ahora las propuestas necesitan que respondan {count} personas.",
  },
  "settings.quorum.people_word": "personas",
  "settings.quorum.person_word": "persona",
  "schedule.kind.proposal.close": "{when}: se cierra una propuesta y se publica su resultado",
  "proposal.example.meeting_when": "jueves 19:00",
  "vote.example.code": "CÓDIGO",
};
