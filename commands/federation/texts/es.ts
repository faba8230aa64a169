import type { Entry } from "../../../src/kernel/i18n/catalog.js";
import type { federation as en } from "./en.js";

export const federation: Record<keyof typeof en, Entry> = {
  "help.group.federation": "Federación (asambleas de células)",
  "arg.name": "nombre",
  "arg.link": "código como seudónimo",
  "arg.code": "código",
  "arg.sector": "sector",
  "privacy.part.federation": {
    one: "1 paso de federación que dio (el enlace queda; quién lo hizo, no)",
    other: "{count} pasos de federación que dio (los enlaces quedan; quién lo hizo, no)",
  },
  "privacy.wipe.federation": {
    one: "el enlace o asamblea de federación: 1 elemento (se borra)",
    other: "los enlaces y la asamblea de federación: {count} elementos (se borran)",
  },
  "schedule.kind.federation.report":
    "{when}: el informe mensual de cifras compartidas de la asamblea, y la próxima célula anfitriona ({repeats})",
  "fed.start.summary": "Convertir esta sala en asamblea de células",
  "fed.invite.summary": "Dar un código de un solo uso para una célula (vale 24 horas)",
  "fed.report.summary": "Publicar las cifras compartidas del mes de cada célula enlazada",
  "fed.federate.summary": "Enlazar esta célula a una asamblea con un seudónimo",
  "fed.status.summary": "Ver qué comparte esta célula y con quién",
  "fed.preview.summary": "Ver exactamente lo que enviará esta célula",
  "fed.pause.summary": "Dejar de enviar cifras por ahora",
  "fed.resume.summary": "Volver a enviar cifras",
  "fed.leave.summary": "Salir de la asamblea",
  "fed.sector.summary": "Decir en qué sector trabaja esta célula",
  "fed.started":
    "Esta sala es ahora la asamblea {name}. Da a una célula su código con {invite}. Aquí solo llegarán totales, nunca nombres ni textos.",
  "fed.already_assembly": "Esta sala ya es la asamblea {name}.",
  "fed.is_cell": "Esta sala es una célula enlazada a una asamblea; una asamblea necesita su propia sala.",
  "fed.not_assembly": "Esta sala no es una asamblea. Una moderadora puede convertirla con {start}.",
  "fed.invite":
    "Código: {code}\nVale 24 horas, una sola vez. En la sala de la célula, una moderadora escribe {federate}\nSi la célula está en otro Tandem, invita antes la cuenta de ese bot a esta sala.",
  "fed.bad_link": "Escribe el código y un seudónimo, por ejemplo {example}",
  "fed.bad_code": "Ese código no abre ninguna asamblea. Pide uno nuevo a la asamblea ({invite} allí).",
  "fed.code_used": "Ese código ya se usó. Pide uno nuevo a la asamblea.",
  "fed.code_expired": "Ese código tiene más de 24 horas. Pide uno nuevo a la asamblea.",
  "fed.bad_pseudonym": "Un seudónimo tiene de 2 a 40 letras, cifras, espacios o guiones, por ejemplo {example}.",
  "fed.pseudonym_is_room": "Elige un seudónimo que no delate esta sala: ni su nombre ni su dirección.",
  "fed.pseudonym_taken": "Otra célula de esa asamblea ya se llama {pseudonym}. Elige otro seudónimo.",
  "fed.self": "Una sala no puede enlazarse a sí misma. Usa el código en la sala de una célula.",
  "fed.already_linked": "Esta célula ya está enlazada a {name} como {pseudonym}. Para cambiarlo, primero {leave}.",
  "fed.linked":
    "Esta célula está enlazada a la asamblea {name} como {pseudonym}. No se envía nada hasta que lo hayáis visto: {preview}",
  "fed.not_linked": "Esta célula no está enlazada a ninguna asamblea. Una moderadora puede enlazarla con {federate}.",
  "fed.status": "Esta célula está enlazada a la asamblea {name} como {pseudonym}.",
  "fed.status_paused": "El envío está en pausa. Reanúdalo con {resume}.",
  "fed.status_waiting": "No se envía nada hasta que una moderadora haya mirado {preview}.",
  "fed.shares":
    "Cada mes comparte solo totales: cuidados por tipo y unidad, el número de personas que cuidaron, planes de cuidado cumplidos y decisiones tomadas. Nunca nombres, textos ni quién hizo qué; las cifras menores de 3 se muestran como «menos de 3».",
  "fed.with": "Células de esta asamblea: {cells}",
  "fed.host": "Anfitriona este mes: {host}",
  "fed.sector": "Sector: {sector}",
  "fed.preview_title": "Lo que {pseudonym} enviaría a {name} por {month}",
  "fed.preview_ok": "Esto es todo lo que la asamblea recibe de esta célula. Irá en el próximo informe.",
  "fed.paused": "En pausa: esta célula no envía nada hasta {resume}.",
  "fed.resumed": "Esta célula vuelve a enviar sus totales.",
  "fed.left": "Esta célula salió de la asamblea {name}. No se envía nada más.",
  "fed.sector_set": "El sector de esta célula es {sector}. La rotación de anfitrionas alterna sectores cuando puede.",
  "fed.bad_sector": "Un sector es una palabra, por ejemplo {example}.",
  "fed.report_title": "{name}: cifras compartidas de {month}",
  "fed.report_total": "Todas las células juntas",
  "fed.report_none": "Ninguna célula envía cifras todavía. Da un código a una célula con {invite}.",
  "fed.report_waiting": "Aún revisan su vista previa: {cells}",
  "fed.report_paused": { one: "1 célula ha pausado el envío.", other: "{count} células han pausado el envío." },
  "fed.new_host": "Célula anfitriona desde ahora: {host}",
  "fed.line": "personas que cuidaron: {givers} · planes cumplidos: {plans} · decisiones tomadas: {decisions}",
  "fed.care": "{kind}: {amount} {unit} ({givers} personas)",
  "fed.care_acts": "{kind}: {amount} actos ({givers} personas)",
  "fed.care_hidden": "{kind}: de menos de 3 personas",
  "fed.no_care": "ningún cuidado registrado",
  "fed.as": "como",
  "fed.example_pseudonym": "Ribera",
  "fed.few": "menos de 3",
  "schedule.kind.federation.round_due":
    "{when}: el informe de la asamblea, con las cifras que hayan llegado ({repeats})",
  "fed.asked":
    "He pedido a la asamblea enlazar esta célula como {pseudonym}. Avisaré aquí cuando responda. No se envía nada hasta que lo hayáis visto: {preview}",
  "fed.pending":
    "Esta célula pidió unirse a una asamblea como {pseudonym} y espera su respuesta. Para desistir: {leave}",
  "fed.asked_invite":
    "He pedido unirme a la asamblea como {pseudonym}. Sus moderadoras tienen que invitar la cuenta de este bot a la sala de la asamblea: lo pediré en cuanto esté dentro y avisaré aquí cuando la asamblea responda. No se envía nada hasta que lo hayáis visto: {preview}",
  "fed.refused.bad_code":
    "La asamblea no aceptó el código para {pseudonym}: no abre ninguna asamblea allí. Pide uno nuevo ({invite} en la asamblea).",
  "fed.refused.code_used": "La asamblea no aceptó el código para {pseudonym}: ya se usó. Pide uno nuevo.",
  "fed.refused.code_expired":
    "La asamblea no aceptó el código para {pseudonym}: tiene más de 24 horas. Pide uno nuevo.",
  "fed.refused.pseudonym_taken":
    "Otra célula de esa asamblea ya se llama {pseudonym}. Pide un código nuevo y elige otro seudónimo.",
  "fed.cell_joined": {
    one: "Una célula se unió a la asamblea: {pseudonym}. Ahora hay 1 célula.",
    other: "Una célula se unió a la asamblea: {pseudonym}. Ahora hay {count} células.",
  },
  "fed.cell_left": "{pseudonym} dejó la asamblea.",
  "fed.report_asked": {
    one: "He pedido sus cifras a las células. 1 célula está en otro Tandem: el informe llegará aquí cuando responda (en 10 minutos como mucho).",
    other:
      "He pedido sus cifras a las células. {count} células están en otros Tandem: el informe llegará aquí cuando respondan (en 10 minutos como mucho).",
  },
  "fed.report_silent":
    "Sin respuesta a tiempo de: {cells}. Su Tandem quizá esté desconectado; sus cifras no están en este informe.",
  "fed.opener": "Antes de empezar, gracias. Este mes las células dieron {care}, de {givers} personas.",
  "fed.opener_amount": "{amount} {unit} de {kind}",
  "fed.opener_acts": "{amount} actos de {kind}",
  "fed.opener_quiet": "Antes de empezar, gracias: por cada acto de cuidado de este mes, contado o no.",
  "fed.announce_cell": "La próxima asamblea de {name} la acoge {host}.",
  "fed.announce_cell_when": "La próxima asamblea de {name} la acoge {host}, el {when}.",
  "arg.board": "necesidad u oferta",
  "arg.post": "número de publicación",
  "arg.contact": "@persona de contacto",
  "arg.cell": "célula",
  "arg.story": "número de historia",
  "arg.window": "acción y cuándo",
  "arg.action": "número de acción",
  "arg.care": "con cuidado",
  "privacy.part.federation_actions": {
    one: "1 jornada de acción que propuso o a la que se unió (se queda; quién lo hizo se va)",
    other: "{count} jornadas de acción que propuso o a las que se unió (se quedan; quién lo hizo se va)",
  },
  "privacy.wipe.federation_actions": {
    one: "jornadas de acción: 1 elemento (se borra)",
    other: "jornadas de acción: {count} elementos (se borran)",
  },
  "action.propose.summary": "Proponer una jornada de acción a todas las células enlazadas (en la asamblea)",
  "action.join.summary": "Sumarse a una acción que propuso la asamblea, con el plan de cuidados propio de la célula",
  "action.withdraw.summary": "Retirarse de una acción antes de que empiece, sin ruido",
  "action.list.summary":
    "Acciones por venir: en una célula, en cuáles está; en la asamblea, cuántas células se han sumado",
  "action.example.request": "negarnos a las horas extra el viernes a las 17:00 durante 2h",
  "action.example.care": "con cuidado despensa",
  "action.example.act": "despensa",
  "action.propose.in_cell": "Las acciones se proponen en la sala de la asamblea. Aquí ves las propuestas con {list}",
  "action.propose.no_when": "Dime la acción y cuándo, así: `{example}`",
  "action.propose.duration": "Una acción dura algo más que nada y como mucho una semana, así: `{example}`",
  "action.propose.care": "Cada célula elige su propio cuidado al sumarse ({join}). Propón solo la acción y su hora.",
  "action.proposed":
    "La acción {number} llegó a todas las células enlazadas: **{text}**, del {from} al {to}. Cada célula decide por su cuenta; aquí solo verás cuántas se suman, nunca cuáles: {list}",
  "action.heard": "La asamblea {name} propone la acción {number}: **{text}**, del {from} al {to}.",
  "action.heard_join":
    "Si esta célula se suma, una moderadora escribe {join}, o {care} para acompañarla de un cuidado. A la asamblea solo llega “una célula más”, y esta célula tiene su propio plan de cuidados.",
  "action.unknown": "Ninguna acción {number} ha llegado a esta célula. Las acciones por venir: {list}",
  "action.started": "La acción {number} ya empezó: sumarse y retirarse es antes de que empiece.",
  "action.already": "Esta célula ya está en la acción {number}, con el plan de cuidados #{plan}: {show}",
  "action.joined":
    "Esta célula se suma a la acción {number}: **{text}**, {from}. La asamblea {name} solo sabe que hay una célula más. El plan de cuidados #{plan} la acompaña aquí: un aviso el día antes, la llamada al empezar con su cuidado, un respiro después.",
  "action.joined_volunteers": "Quién lleva su cuidado: {join}",
  "action.joined_no_care": "Acompáñala de un cuidado, como {care}, y súmate a él con {join}",
  "action.not_in": "Esta célula no está en la acción {number}. Para sumarse: {join}",
  "action.withdrawn": "Esta célula ya no está en la acción {number}. La asamblea cuenta una célula menos, nunca cuál.",
  "action.plan_cancelled":
    "Ese plan llevaba la acción {number}: esta célula ya no está en ella. La asamblea cuenta una célula menos, nunca cuál.",
  "action.withdrawn_plan":
    "Esta célula ya no está en la acción {number}, y el plan de cuidados #{plan} queda cancelado. La asamblea cuenta una célula menos, nunca cuál.",
  "schedule.kind.federation.action_start": "{when}: empieza una acción de la asamblea, con cuántas células se suman",
  "action.starts_now":
    "La acción {number} empieza ahora: **{text}**. Células que se suman: {cells}. Fuerza a cada una.",
  "arg.lesson": "número de lección",
  "action.share.summary": "Tras una acción, compartir una lección de esta célula con la asamblea",
  "action.report.summary": "Cuántas células actuaron en una acción y qué aprendieron (en la asamblea)",
  "action.share.not_in":
    "Esta célula no estuvo en la acción {number}: solo las células que actuaron comparten sus lecciones.",
  "action.share.too_soon": "La acción {number} aún no ha empezado: sus lecciones llegan después.",
  "action.share.no_lesson": "Esta célula no tiene la lección {lesson}. Anótala primero, así: {record}",
  "action.shared": "La lección {lesson} llegó a la asamblea {name}, sin el nombre de esta célula: “{text}”",
  "action.hall.lesson": "Una célula comparte lo que enseñó la acción {number}: {text}",
  "action.report.unknown": "Esta asamblea no tiene la acción {number}. Las acciones por venir: {list}",
  "action.report.title": "Acción {number}: {text}, {when}",
  "action.report.ahead": "Aún no ha empezado. Células que se suman por ahora: {cells}.",
  "action.report.acted": "Células que actuaron: {cells}.",
  "action.report.no_lessons": "Aún no se han compartido lecciones.",
  "action.report.lessons": "Lo que aprendieron las células:",
  "action.list.title": "Acciones por venir",
  "action.list.none_assembly": "No hay acciones por venir. Una moderadora propone una con {propose}",
  "action.list.assembly": "Acción {number}: **{text}**, {from}. Células que se suman: {cells}",
  "action.list.none_cell": "No hay acciones por venir de la asamblea.",
  "action.list.cell_out": "Acción {number}: **{text}**, {from}. Para sumarse: {join}",
  "action.list.cell_in": "Acción {number}: **{text}**, {from}. Esta célula se suma (plan de cuidados #{plan}).",
  "privacy.part.federation_board": {
    one: "1 elemento del tablón (una publicación, una historia, un contacto): quién era pasa a ser “alguien”",
    other: "{count} elementos del tablón (publicaciones, historias, contactos): quién era pasa a ser “alguien”",
  },
  "privacy.wipe.federation_board": {
    one: "el tablón de la federación: 1 elemento (se borra)",
    other: "el tablón de la federación: {count} elementos (se borran)",
  },
  "board.offer.summary": "Ofrecer algo a las otras células de la asamblea (cualquier miembro puede)",
  "board.need.summary": "Pedir ayuda a las otras células de la asamblea (cualquier miembro puede)",
  "board.answer.summary": "Responder a la oferta o necesidad de otra célula",
  "board.contact.summary":
    "Nombrar la persona de contacto de esta célula para un intercambio; los nombres solo cruzan cuando ambas células nombraron una",
  "board.story_share.summary": "Proponer una historia corta para la asamblea (cualquier miembro puede)",
  "board.story_approve.summary": "Enviar a la asamblea una historia propuesta, sin los @-nombres",
  "board.stories.summary": "Ver las historias de esta célula y si ya cruzaron",
  "board.someone": "alguien",
  "board.word.offer": "oferta",
  "board.word.need": "necesidad",
  "board.example_contact": "@ana",
  "board.paused": "El enlace de esta célula está en pausa: no envía nada hasta {resume}.",
  "board.text.empty": "No quedaría nada que enviar. Escribe unas palabras después del comando.",
  "board.text.too_long": "Son {length} caracteres; la asamblea acepta como mucho {max}. Dilo más corto.",
  "board.text.room": "Quita las direcciones de salas: le dirían a la asamblea qué sala es esta.",
  "board.posted.offer":
    "Publicado en la asamblea {name} como oferta {number} de {pseudonym}: “{text}”. Las moderadoras de otras células pueden responder.",
  "board.posted.need":
    "Publicado en la asamblea {name} como necesidad {number} de {pseudonym}: “{text}”. Las moderadoras de otras células pueden responder.",
  "board.sent.offer": "Enviado a la asamblea {name} como oferta de {pseudonym}: “{text}”. Diré aquí qué número recibe.",
  "board.sent.need":
    "Enviado a la asamblea {name} como necesidad de {pseudonym}: “{text}”. Diré aquí qué número recibe.",
  "board.cleaned": "Quitado antes de cruzar: {removed}. Solo cruzó este texto.",
  "board.removed.person": "nombres y direcciones de personas",
  "board.removed.link": "enlaces",
  "board.removed.phone": "números de teléfono",
  "board.stand_in.link": "[enlace]",
  "board.stand_in.phone": "[teléfono]",
  "board.numbered.offer": "La oferta de esta célula es la oferta {number} en la asamblea {name}.",
  "board.numbered.need": "La necesidad de esta célula es la necesidad {number} en la asamblea {name}.",
  "board.heard.offer":
    "Oferta {number} de {pseudonym}, en la asamblea: {text}\nUna moderadora puede responder con {answer}",
  "board.heard.need":
    "Necesidad {number} de {pseudonym}, en la asamblea: {text}\nUna moderadora puede responder con {answer}",
  "board.hall.offer": "Oferta {number} de {pseudonym}: {text}",
  "board.hall.need": "Necesidad {number} de {pseudonym}: {text}",
  "board.hall.answer.offer": "{pseudonym} responde a la oferta {number} de {poster}.",
  "board.hall.answer.need": "{pseudonym} responde a la necesidad {number} de {poster}.",
  "board.hall.story": "Una historia de {pseudonym}: {text}",
  "board.answered_yours.offer":
    "{peer} responde a vuestra oferta {number}. Para poner en contacto a las dos células, una moderadora de aquí nombra a una persona de contacto: {contact}\nLos nombres solo cruzan cuando ambas células nombraron la suya, y solo a vuestras dos células.",
  "board.answered_yours.need":
    "{peer} responde a vuestra necesidad {number}. Para poner en contacto a las dos células, una moderadora de aquí nombra a una persona de contacto: {contact}\nLos nombres solo cruzan cuando ambas células nombraron la suya, y solo a vuestras dos células.",
  "board.you_answered.offer":
    "Esta célula responde a la oferta {number} de {peer}, y {peer} ya lo sabe. Para poner en contacto a las dos células, una moderadora de aquí nombra a una persona de contacto: {contact}\nLos nombres solo cruzan cuando ambas células nombraron la suya, y solo a vuestras dos células.",
  "board.you_answered.need":
    "Esta célula responde a la necesidad {number} de {peer}, y {peer} ya lo sabe. Para poner en contacto a las dos células, una moderadora de aquí nombra a una persona de contacto: {contact}\nLos nombres solo cruzan cuando ambas células nombraron la suya, y solo a vuestras dos células.",
  "board.answer_sent.offer":
    "La respuesta de esta célula a la oferta {number} de {peer} va camino de la asamblea. Diré aquí cuando llegue.",
  "board.answer_sent.need":
    "La respuesta de esta célula a la necesidad {number} de {peer} va camino de la asamblea. Diré aquí cuando llegue.",
  "board.answer.own": "La publicación {number} es de esta célula: la responde otra célula.",
  "board.answer.unknown":
    "Ninguna publicación {number} ha llegado a esta célula. Las ofertas y necesidades de la asamblea aparecen aquí cuando llegan.",
  "board.answer.is.offer": "La publicación {number} es una oferta, no una necesidad: {answer}",
  "board.answer.is.need": "La publicación {number} es una necesidad, no una oferta: {answer}",
  "board.answer.already":
    "Esta célula ya respondió a la publicación {number} de {peer}. Para compartir contactos: {contact}",
  "board.contact.unknown": "Esta célula no ha respondido a la publicación {number}, y no es suya.",
  "board.contact.no_answer.offer":
    "Ninguna célula ha respondido aún a vuestra oferta {number}. Lo diré aquí cuando alguna lo haga.",
  "board.contact.no_answer.need":
    "Ninguna célula ha respondido aún a vuestra necesidad {number}. Lo diré aquí cuando alguna lo haga.",
  "board.contact.which": "Respondieron varias células: {cells}. Di cuál, por ejemplo {example}",
  "board.contact.already": "Esta célula ya nombró a {person} para la publicación {number} con {peer}.",
  "board.verify.summary":
    "Confirmar el código de seguridad comparado con las moderadoras de la otra célula, antes de que crucen contactos",
  "board.code_word": "CÓDIGO",
  "board.safety_code":
    "Antes de que cruce ningún nombre, comparad este código de seguridad con las moderadoras de {peer} en persona o por teléfono, no a través de la asamblea: {code}\nCuando os lean el mismo código, escribe {verify}",
  "board.verify.show":
    "Código de seguridad de la publicación {number} con {peer}: {code}\nCompáralo con sus moderadoras en persona o por teléfono; si es el mismo, escribe {verify}",
  "board.verify.mismatch":
    "Ese no es el código de seguridad que esta célula ve para la publicación {number} con {peer} ({code}), así que no cruza ningún contacto. Si sus moderadoras os leen otro código, alguien cambió una clave por el camino, quizá el Tandem de la asamblea. Comparad de nuevo; si los códigos siguen siendo distintos, no compartáis contactos a través de esta asamblea. Cuando los códigos sean iguales, escribe {verify}",
  "board.verified":
    "El código de seguridad de la publicación {number} con {peer} es el mismo en los dos lados: lo que esta célula sella para {peer} solo {peer} puede abrirlo. Ahora nombra a la persona de contacto de esta célula: {contact}",
  "board.contact.verify_first":
    "Primero comparad el código de seguridad con las moderadoras de {peer} en persona o por teléfono: {code}\nSi es el mismo, escribe {verify} y después nombra el contacto.",
  "board.contact.mismatch":
    "El código de seguridad escrito para la publicación {number} no era el que esta célula ve con {peer} ({code}), así que no cruza ningún contacto. Comparadlo otra vez con sus moderadoras y escribe {verify}",
  "board.contact.bad_key": "No puedo sellar un nombre para {peer}: la clave que envió no sirve. No se envió nada.",
  "board.contact_named.offer":
    "{person} es el contacto de esta célula para la oferta {number} con {peer}. Cuando {peer} nombre el suyo, los dos nombres cruzan, solo a vuestras dos células.",
  "board.contact_named.need":
    "{person} es el contacto de esta célula para la necesidad {number} con {peer}. Cuando {peer} nombre el suyo, los dos nombres cruzan, solo a vuestras dos células.",
  "board.contact_shared.offer": "Contacto para la oferta {number} de {peer}: {person}",
  "board.contact_shared.need": "Contacto para la necesidad {number} de {peer}: {person}",
  "board.contact_sent": "{peer} recibió a {person} como contacto de esta célula.",
  "board.story_shared":
    "La historia {number} queda propuesta. Se queda en esta célula hasta que una moderadora la apruebe con {approve}; entonces la asamblea {name} lee: “{text}”",
  "board.story_approved": "La historia {number} cruzó a la asamblea {name}: “{text}”",
  "board.story.unknown": "No hay historia {number} en esta célula. Míralas con {list}.",
  "board.story.crossed_already": "La historia {number} ya cruzó a la asamblea.",
  "board.stories.title": "Historias de esta célula",
  "board.stories.none": "Aún no hay historias. Cualquier miembro puede proponer una: {share}",
  "board.stories.waiting": "{number} · propuesta por {by}, espera {approve} — “{text}”",
  "board.stories.crossed": "{number} · cruzó el {when} — “{text}”",
  "fed.example.sector": "sanidad",
  "fed.example.code": "CÓDIGO",
};
