import type { Entry } from "../../../src/kernel/i18n/catalog.js";
import type { fund as en } from "./en.js";

/** Lo que dice la caja de solidaridad. */
export const fund: Record<keyof typeof en, Entry> = {
  "help.group.fund": "Caja de solidaridad",
  "arg.fundcode": "código de la caja",
  "arg.movement": "número de movimiento",
  "arg.fund.request": "número de solicitud",
  "privacy.part.fund": {
    one: "1 registro de la caja que la nombra (el dinero queda; quién era se va; las cuotas se van)",
    other: "{count} registros de la caja que la nombran (el dinero queda; quién era se va; las cuotas se van)",
  },
  "privacy.wipe.fund": {
    one: "la caja: 1 registro de dinero, una cuota o una solicitud (se borra: la caja vuelve a empezar de cero)",
    other: "la caja: {count} registros de dinero, cuotas y solicitudes (se borran: la caja vuelve a empezar de cero)",
  },
  "schedule.kind.fund.pledges": "{when}: totales mensuales de cuotas de la caja ({repeats})",
  "schedule.kind.fund.request": "{when}: hay una solicitud de apoyo esperando (sin nombres)",
  "schedule.kind.fund.expiry": "{when}: caduca un pago propuesto si nadie lo aprueba",
  "fund.summary": "La caja: saldo por moneda, últimos movimientos, cuotas",
  "fund.empty": "La caja está vacía por ahora. Anota el dinero que entra con `{in}`.",
  "fund.balance": "La caja tiene **{amounts}**.",
  "fund.recent": "Últimos movimientos:",
  "fund.line.in": "entra {amount}{note} ({day})",
  "fund.line.in.person": "entra {amount} de {who}{note} ({day})",
  "fund.line.out": "sale {amount}{note} ({day})",
  "fund.line.out.person": "sale {amount} para {who}{note} ({day})",
  "fund.line.proposed": "pago de {amount}{note}, esperando a una segunda persona ({day})",
  "fund.line.proposed.person": "pago de {amount} para {who}{note}, esperando a una segunda persona ({day})",
  "fund.line.support": "sale {amount}: solicitud de apoyo #{request} ({day})",
  "fund.pledges.total": {
    one: "1 persona aporta {amounts} al mes.",
    other: "{count} personas aportan {amounts} al mes.",
  },
  "fund.requests.waiting": {
    one: "Hay 1 solicitud de apoyo esperando.",
    other: "Hay {count} solicitudes de apoyo esperando.",
  },
  "fund.keeper.is": "La caja la lleva {keeper} ({role}).",
  "fund.keeper.nobody": "Nadie tiene el rol {role}, así que por ahora la caja la llevan las moderadoras.",
  "fund.code": "Código de la caja: **{code}**. Para pedir apoyo en privado, escríbeme por mensaje directo: `{ask}`",
  "fund.cell_only": "Esto funciona en la sala de la célula. Aquí, en nuestro chat directo, puedes pedir apoyo: `{ask}`",
  "fund.keeper_only": "Solo quien lleva la caja ({keeper}, {role}) puede hacer esto.",
  "fund.keeper_only.none": "Mientras nadie tenga el rol {role}, solo una moderadora puede hacer esto.",
  "fund.decider_only": "Solo quien lleva la caja ({role}) o una moderadora puede decidir esto.",
  "fund.money.missing": "¿Cuánto? Escribe la cantidad con su moneda, como `{example}`.",
  "fund.money.no-currency": "¿En qué moneda? Escríbela con la cantidad, como `{example}` (50 €, 50 EUR, 20 $, 20 USD).",
  "fund.money.negative":
    "Las cantidades van sin signo menos: lo que entra es `entra`, lo que sale es `sale`. Como `{example}`.",
  "fund.money.zero": "Esa cantidad es cero. Escribe lo que se movió, como `{example}`.",
  "fund.money.too-many-decimals": "Esa moneda no tiene tantos decimales. Escríbela como `{example}`.",
  "fund.money.too-large": "Esa cantidad es demasiado grande para ser correcta. Revísala y escríbela como `{example}`.",
  "fund.money.unknown-currency":
    "No conozco esa moneda. Usa €, $, £ o uno de estos códigos: {known}. Como `{example}`.",
  "fund.money.ambiguous":
    "«{typed}»: ¿quisiste decir {thousands}? Escríbelo como `{whole}`, o con dos decimales como `{cents}`.",
  "fund.money.not-a-number": "No pude leer esa cantidad. Escríbela como `{example}` (valen 1.234,56 € y 1,234.56 €).",
  "fund.money.not-monthly": "Las cuotas son mensuales. Escríbela como `{example}`.",
  "fund.unknown_person": "No sé quién es “{word}” aquí. Menciónala (@nombre) o deja el nombre fuera.",
  "fund.not_enough": "La caja no tiene {amount} en esa moneda. Mira el saldo con `{show}`.",
  "fund.in.summary": "Anotar dinero que entra en la caja",
  "fund.in.done": "Anotado: **#{n}**, entran {amount}. Gracias.",
  "fund.out.summary": "Proponer un pago (vale cuando una segunda persona lo aprueba)",
  "fund.out.proposed": "Pago **#{n}** de {amount} propuesto. Vale cuando otra persona lo apruebe: `{approve}`",
  "fund.approve.summary": "Aprobar un pago propuesto (nunca el tuyo)",
  "fund.approve.unknown": "No hay ningún pago #{n} esperando. Mira la caja con `{show}`.",
  "fund.approve.done_already": "El pago #{n} ya se hizo efectivo.",
  "fund.approve.done": "Pago **#{n}** de {amount} aprobado y hecho efectivo.",
  "fund.second.same-person": "#{n} necesita una segunda persona: alguien distinto de quien lo propuso o firmó primero.",
  "fund.second.keeper-missing": "#{n} necesita que una de las dos firmas sea de quien lleva la caja.",
  "fund.line.cancelled": "pago de {amount}{note}: anulado ({day})",
  "fund.line.expired": "pago de {amount}{note}: nadie lo aprobó a tiempo ({day})",
  "fund.line.undone": "{amount}{note}: deshecho ({day})",
  "fund.approve.not_payout": "#{n} es dinero que entró, no un pago: no hay nada que aprobar.",
  "fund.approve.cancelled": "El pago #{n} se anuló. Mira la caja con `{show}`.",
  "fund.approve.expired":
    "El pago #{n} caducó antes de que una segunda persona lo aprobara. Propónlo de nuevo con `{out}`.",
  "fund.approve.undone": "El pago #{n} se hizo y después se deshizo. Mira la caja con `{show}`.",
  "fund.out.expires": "Si nadie lo aprueba en {days} días, caduca. Para retirarlo: `{cancel}`",
  "fund.expired":
    "El pago #{n} de {amount} esperó {days} días a una segunda persona y ha caducado; no se pagó nada. Para proponerlo de nuevo: `{again}`",
  "fund.movement.unknown": "No hay ningún movimiento #{n}. Mira la caja con `{show}`.",
  "fund.movement.support": "#{n} pagó una solicitud de apoyo: lo decidieron dos personas y se queda como está.",
  "fund.cancel.summary":
    "Retirar un pago que aún espera a su segunda persona (quien lo propuso, o una persona moderadora)",
  "fund.cancel.not_yours": "Solo quien propuso el pago #{n}, o una persona moderadora, puede retirarlo.",
  "fund.cancel.not_waiting":
    "#{n} no espera aprobación, así que no hay nada que anular. Para deshacer un movimiento que ya se hizo: `{undo}`",
  "fund.cancel.done":
    "El pago #{n} de {amount} queda anulado; no se pagó nada. Sigue en la exportación, marcado como anulado.",
  "fund.undo.summary": "Deshacer un movimiento anotado por error (sigue en la exportación, marcado como deshecho)",
  "fund.undo.waiting": "#{n} aún espera aprobación: retíralo con `{cancel}`.",
  "fund.undo.closed": "#{n} ya se anuló, caducó o se deshizo.",
  "fund.undo.done.in":
    "#{n} ({amount} de entrada) queda deshecho: el saldo ya no lo cuenta. Sigue en la exportación, marcado como deshecho.",
  "fund.undo.done.out":
    "#{n} ({amount} de salida) queda deshecho: ese dinero vuelve a contar en la caja. Sigue en la exportación, marcado como deshecho.",
  "fund.correct.short":
    "Eso dejaría a la caja con {amount} de menos: ha salido más de lo que habría entrado. Mira el saldo con `{show}`.",
  "fund.fix.summary":
    "Corregir la cantidad, la persona o la nota de un movimiento (el original sigue en la exportación)",
  "fund.fix.done": "#{n} ahora dice {amount}. Lo que decía antes sigue en la exportación.",
  "fund.keeper.summary": "Elegir qué rol rotativo lleva la caja (tesorería por defecto)",
  "fund.keeper.set": "La caja la lleva el rol {role}: ahora {holder}.",
  "fund.keeper.set_nobody":
    "La caja la lleva el rol {role}; nadie lo tiene todavía (`{add}`). Mientras tanto, la llevan las moderadoras.",
  "fund.statement.summary": "Los movimientos de un mes (este o el que nombres) o de un año, con lo que entró y salió",
  "fund.statement.bad":
    "«{found}» no es un mes que pueda leer. Escribe el nombre del mes, año-mes o `año`, por ejemplo `{example}`.",
  "fund.statement.none": "No se movió nada en {month}.",
  "fund.statement.title": "Extracto de la caja, {month}:",
  "fund.statement.totals": "entró {in}, salió {out}",
  "fund.export.summary": "Todos los movimientos en CSV, para una hoja de cálculo",
  "fund.export.none": "La caja todavía no tiene movimientos.",
  "fund.export.intro": {
    one: "La caja (1 movimiento), en CSV para pegar en una hoja de cálculo:",
    other: "La caja ({count} movimientos), en CSV para pegar en una hoja de cálculo:",
  },
  "fund.export.part": "La caja ({count} movimientos), parte {part} de {parts}:",
  "fund.code.unknown": "Ninguna célula tiene el código de caja {code}. La célula lo muestra con `{fund}`.",
  "fund.ask.summary": "Pedir apoyo a la caja, en privado (por mensaje directo conmigo)",
  "fund.ask.example": "200 € alquiler",
  "fund.ask.too_many": "Ya van {max} solicitudes esta hora. Espera un poco, por favor.",
  "fund.ask.direct_only":
    "Para que tu solicitud sea privada, escríbemela por mensaje directo, no aquí. Quizá quieras borrar este mensaje.",
  "fund.ask.done":
    "Tu solicitud #{n} de {amount} está con quien lleva la caja. La célula solo sabe que hay una solicitud esperando, nunca quién la pidió.",
  "fund.requests.summary":
    "Solicitudes de apoyo: cuántas en la célula; nombres solo para quien lleva la caja, por mensaje directo",
  "fund.requests.code_needed":
    "¿Qué célula? Añade su código de caja, como `{example}` (la célula lo muestra con `{fund}`).",
  "fund.requests.count": {
    one: "Hay 1 solicitud de apoyo esperando. Quien lleva la caja la ve por mensaje directo conmigo: `{see}`",
    other:
      "Hay {count} solicitudes de apoyo esperando. Quien lleva la caja las ve por mensaje directo conmigo: `{see}`",
  },
  "fund.requests.none": "No hay solicitudes de apoyo esperando.",
  "fund.requests.keeper_only":
    "Los nombres de quien pide solo los ve quien lleva la caja, y quien firmó una solicitud.",
  "fund.requests.title": "Solicitudes de apoyo esperando en la célula {code}:",
  "fund.requests.line": "#{n}: {who} pide {amount} ({reason})",
  "fund.requests.notice": {
    one: "Hay una solicitud de apoyo esperando. Quien lleva la caja la ve en privado: `{see}` por mensaje directo conmigo.",
    other:
      "Hay {count} solicitudes de apoyo esperando. Quien lleva la caja las ve en privado: `{see}` por mensaje directo conmigo.",
  },
  "fund.request.unknown": "No hay ninguna solicitud de apoyo #{n}.",
  "fund.request.decided": "La solicitud de apoyo #{n} ya está decidida.",
  "fund.request.own": "La solicitud #{n} es tuya: la deciden otras dos personas.",
  "fund.grant.summary": "Conceder una solicitud de apoyo (quien lleva la caja y otra persona)",
  "fund.grant.first": "Firmaste la solicitud #{n}. Otra persona la concede con `{grant}`.",
  "fund.grant.first.keeper": "Firmaste la solicitud #{n}. Quien lleva la caja la concede con `{grant}`.",
  "fund.grant.done": "Solicitud de apoyo #{n} concedida: salen {amount} (movimiento #{movement}).",
  "fund.decline.summary": "Rechazar una solicitud de apoyo",
  "fund.decline.done": "Solicitud de apoyo #{n} rechazada.",
  "fund.pledge.summary": "Comprometer una cuota cada mes (o `parar`)",
  "fund.pledge.example": "10 € mensual",
  "fund.pledge.done":
    "Gracias: aportas {amount} al mes. Cada mes la célula recuerda los totales. Para dejarlo: `{stop}`",
  "fund.pledge.stopped": "Tu cuota queda parada. Gracias por lo que diste.",
  "fund.pledge.none": "No tienes ninguna cuota aquí.",
  "fund.pledges.reminder": {
    one: "Nuevo mes para la caja: 1 persona aporta {amounts} al mes. Mira la caja con `{show}`.",
    other: "Nuevo mes para la caja: {count} personas aportan {amounts} al mes. Mira la caja con `{show}`.",
  },
  "fund.in.example_text": "50 € de @ana",
  "fund.out.example_text": "120 € a @bo ayuda con el alquiler",
  "fund.pledge.stop_word": "parar",
  "fund.example.code_placeholder": "<código>",
  "fund.fix.example_text": "45 € de @ana",
};
