import type { Entry } from "../../../src/kernel/i18n/catalog.js";
import type { en } from "./en.js";

export const es: Record<keyof typeof en, Entry> = {
  "help.group.settings": "Ajustes de la sala",
  "arg.language": "idioma",
  "arg.timezone": "zona horaria",
  "settings.summary": "Ver el idioma y la zona horaria de esta sala",
  "settings.current": "Esta sala habla {language} y vive en la zona horaria {timezone}.",
  "settings.language.summary": "Elegir el idioma que uso en esta sala (moderación)",
  "settings.language.unknown": "Todavía no hablo «{found}». Conozco: {choices}.",
  "settings.language.done": "A partir de ahora hablaré {language} en esta sala.",
  "settings.timezone.summary": "Fijar la zona horaria de esta sala (moderación)",
  "settings.timezone.unknown":
    "«{found}» no es una zona horaria que conozca. Usa un nombre como Europe/Madrid o America/Bogota.",
  "settings.timezone.done":
    "La zona horaria de esta sala ahora es {timezone}. Las fechas y los avisos programados la siguen.",
  "language.en": "inglés",
  "language.es": "español",
  "arg.state": "activar o desactivar",
  "settings.welcome.summary": "Activa o desactiva la bienvenida a quien llega, y mírala (moderación)",
  "settings.welcome.text.summary":
    "Escribe la bienvenida propia de la célula, o `predeterminado` para la mía (moderación)",
  "settings.welcome.on_word": "activar",
  "settings.welcome.off_word": "desactivar",
  "settings.welcome.bad": "No entendí «{found}». Escribe `{on}` o `{off}`.",
  "settings.welcome.now_on": "Cuando alguien entre en esta sala, le daré la bienvenida. Para parar: `{off}`.",
  "settings.welcome.now_off": "Ya no daré la bienvenida aquí. Para volver a hacerlo: `{on}`.",
  "settings.welcome.is_on": "Doy la bienvenida a quien llega a esta sala. Para parar: `{off}`.",
  "settings.welcome.is_off": "Aún no doy la bienvenida a quien llega a esta sala. Para empezar: `{on}`.",
  "settings.welcome.preview":
    "Quien llega lee esto, tras un saludo con su nombre y una línea sobre a quién preguntar (cámbialo con `{edit}`):",
  "settings.welcome.text.done": "La bienvenida usa ahora vuestras palabras. Mírala con `{show}`.",
  "settings.welcome.text.default": "La bienvenida vuelve a usar mis palabras. Mírala con `{show}`.",
  "settings.welcome.text.turn_on": "Por ahora está desactivada: actívala con `{on}`.",
  "welcome.hello": "¡Bienvenida, bienvenido, {who}!",
  "welcome.default":
    "Esta es la sala de nuestra célula. Aquí llevamos juntas la cuenta de quién cuida de qué, los roles que rotan y lo que decidimos. Tómate tu tiempo; hoy nadie espera nada de ti.",
  "welcome.ask": "Si algo no está claro, pregunta a {who}.",
  "welcome.charter": "Nuestra carta empieza con **{title}**: {text}",
  "welcome.start": "Para ver lo que sé hacer, escribe `{help}`.",
  "welcome.meeting": "La próxima reunión: {when}.",
  "privacy.part.welcome": { one: "la bienvenida de la sala", other: "la bienvenida de la sala" },
  "privacy.wipe.welcome": { one: "la bienvenida de la sala (se borra)", other: "la bienvenida de la sala (se borra)" },
};
