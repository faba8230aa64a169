import type { Entry } from "./catalog.js";
import type { core as en } from "./en.js";

export const core: Record<keyof typeof en, Entry> = {
  "arg.text": "texto",
  "arg.person": "persona",
  "arg.until": "hasta cuándo",
  "arg.day": "día",
  "arg.time": "hora",
  "arg.when": "cuándo",
  "arg.role": "rol",
  "arg.month": "mes",
  "arg.confirm": "confirmar",
  "arg.plan": "plan",
  "arg.tag": "#etiqueta",
  "arg.quorum": "quórum",
  "arg.sheet": "a4, anónimo, nombre de la sala",
  "error.arg.room_mention": "`{found}` se dirige a toda la sala, no a una persona. Nombra a las personas, como `@ana`.",
  "error.arg.which_person":
    "Aquí hay más de una persona que podría ser `{found}`: {people}. Escribe el id completo de quien quieres nombrar.",
  "reply.shortened": {
    one: "… y 1 más, que dejé fuera para que el mensaje quepa.",
    other: "… y {count} más, que dejé fuera para que el mensaje quepa.",
  },
  "error.unknown": "No conozco el comando `{command}`.",
  "error.did_you_mean": "¿Quisiste decir {suggestions}?",
  "error.unknown_sub": "No conozco `{found}`. ¿Quisiste decir `{suggestion}`?",
  "error.permission":
    "Solo las personas moderadoras de esta sala pueden usar `{command}`. Pídele a una que lo haga o que te dé ese rol.",
  "error.unexpected":
    "Perdón, algo falló de mi lado y no se cambió nada. Si vuelve a pasar, dale esta referencia a quien administra el bot: {ref}.",
  "error.arg.missing": "Falta algo: {arg}.",
  "error.arg.person": "¿Quién? Nombra al menos a una persona con @, como @ana.",
  "error.arg.number": "Esperaba un número para {arg}, no «{found}».",
  "error.arg.choice": "«{found}» no es una de estas opciones: {choices}.",
  "error.arg.extra": "No entendí «{found}».",
  "error.arg.too_many": "Puedo tomar como mucho {max} a la vez ({arg}).",
  "error.arg.too_long": "{arg} es demasiado largo (como mucho {max} caracteres).",
  "print.size_unknown":
    "No imprimo en «{found}». Los tamaños son: {sizes}; lo demás después del comando es el nombre de la sala.",
  "error.arg.invalid": "{arg} no parece correcto.",
  "error.arg.no_such":
    "Ese número es demasiado grande ({arg}): aquí nada tiene ese número. Revísalo y vuelve a escribirlo.",
  "usage.line": "Escríbelo así: `{usage}`",
  "usage.example": "Por ejemplo: `{example}`",
  "help.hint": "Escribe `{help}` para ver lo que sé hacer.",
  "when.past": "El {when} ya pasó. Indica un momento en el futuro.",
  "when.unreadable":
    "No entendí “{found}” como fecha u hora. Prueba `viernes 17:00`, `mañana 7:00` o `2026-12-04 08:00`.",
  "when.too_far":
    "“{found}” queda a más de {years} años, y parece una errata. Indica una fecha dentro de los próximos {years} años, por ejemplo `viernes 17:00` o `4 dic 18:00`.",
  "duration.unreadable": "No entendí “{found}” como duración. Prueba `2h`, `90m` o `3 días`.",
  "duration.too_long": "“{found}” dura más de {years} años, y parece una errata. Prueba `2h`, `3 días` o `2 semanas`.",
};
