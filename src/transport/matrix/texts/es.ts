import type { Entry } from "../../../kernel/i18n/catalog.js";
import type { matrix as en } from "./en.js";

export const matrix: Record<keyof typeof en, Entry> = {
  "matrix.unencrypted":
    "¡Hola! Solo funciono en salas con cifrado de extremo a extremo, para que lo que este grupo registra quede entre ustedes. Activen el cifrado en los ajustes de la sala y responderé aquí.",
  "matrix.upgraded":
    "Esta sala fue reemplazada por una nueva, así que me mudé allí con todo lo que registraron: {room}. ¡Nos vemos allí!",
  "matrix.undecryptable":
    "{sender}, no pude descifrar uno de tus mensajes, así que no pude hacer nada con él. Por favor, envíalo de nuevo.",
  "matrix.unverified_device":
    "Un dispositivo nuevo de {sender} no está verificado por su dueña o dueño, así que ignoro lo que envía hasta que se verifique en Element (Ajustes → Sesiones). Si ese dispositivo no es tuyo, cambia tu contraseña ahora.",
  "matrix.held_dropped": {
    one: "1 mensaje de {sender} esperó una semana a que la moderación confiara en su nueva identidad. Lo descarté sin ejecutarlo.",
    other:
      "{count} mensajes de {sender} esperaron una semana a que la moderación confiara en su nueva identidad. Los descarté sin ejecutarlos.",
  },
};
