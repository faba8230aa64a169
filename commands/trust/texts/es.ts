import type { Entry } from "../../../src/kernel/i18n/catalog.js";
import type { trust as en } from "./en.js";

export const trust: Record<keyof typeof en, Entry> = {
  "help.group.trust": "Confianza",
  "arg.trusted": "persona",
  "trust.summary": "Confiar en la nueva identidad de alguien, después de comprobarla en persona (moderación)",
  "trust.changed":
    "Moderación: la identidad de {who} cambió (nuevas claves de cifrado). Pasa cuando alguien restablece su cuenta en Element, o cuando otra persona se apoderó de ella. Retengo sus órdenes, sin ejecutarlas y sin perderlas, hasta que alguien de la moderación lo compruebe en persona y escriba `{trust}`. Pasada una semana, las descarto. (Decisión #{n})",
  "trust.log.changed": "La identidad de {who} cambió; sus órdenes esperan a que la moderación confíe en ella.",
  "trust.log.approved": "{by} confió en la nueva identidad de {who} después de comprobarla en persona.",
  "trust.done":
    "Hecho: tomo la nueva identidad de {who} como suya, y ejecuto ahora lo que retenía. Queda como decisión #{n}.",
  "trust.nothing":
    "La identidad de {who} no ha cambiado desde que la conocí aquí, así que no hay nada que confiar. Si acaba de restablecer su cuenta, dame un minuto para notarlo y vuelve a intentarlo.",
  "trust.no_id": "Nómbrala con su cuenta de Matrix, como `{example}`.",
};
