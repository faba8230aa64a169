/**
 * Words a Spanish speaker tries first for the same act, one group per act: a command named with
 * one of them answers to all of them, so every family takes the same verbs (`!carta iniciar` like
 * `!asamblea iniciar`, `!plan 3 sumarme` like `!plan 3 unirme`) without each listing aliases.
 */
const SAME_ACT: readonly (readonly string[])[] = [
  ["iniciar", "empezar", "comenzar", "arrancar"],
  ["ver", "mostrar", "enseñar"],
  ["borrar", "eliminar", "quitar"],
  ["unirme", "unirse", "sumarme", "apuntarme"],
  ["salir", "salirme", "dejar", "bajarme"],
  ["añadir", "agregar"],
  ["cancelar", "anular"],
  ["corregir", "arreglar", "editar"],
  ["parar", "detener"],
  ["exportar", "descargar"],
  ["cambiar", "intercambiar"],
  ["buscar", "encontrar"],
  ["historial", "historia"],
  ["pedir", "solicitar"],
  ["rechazar", "denegar"],
  ["conceder", "otorgar"],
  ["reanudar", "continuar", "seguir"],
  ["informe", "reporte"],
];

const groupOf = new Map<string, readonly string[]>();
for (const group of SAME_ACT)
  for (const word of group) groupOf.set(word, [...new Set([...(groupOf.get(word) ?? []), ...group])]);

/** A word without its accents ("rotación" → "rotacion", "añadir" → "anadir"): people often type them so. */
export function withoutAccents(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
}

/**
 * Every way of writing a command name that means the same: each word by its synonyms, and all of
 * it without accents. The name itself comes first.
 */
export function variantsOf(name: string): string[] {
  let forms = [[] as string[]];
  for (const word of name.split(" ")) {
    const choices = groupOf.get(word) ?? [word];
    forms = forms.flatMap((form) => choices.map((choice) => [...form, choice]));
  }
  const written = forms.map((form) => form.join(" "));
  return [...new Set([name, ...written, ...written.map(withoutAccents)])];
}
