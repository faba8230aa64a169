/** What help says. */
export const help = {
  "help.summary": "Mostrar lo que sé hacer, o cómo hacer algo",
  "help.intro": "Esto es lo que me puedes pedir en esta sala:",
  "help.more": "Escribe `{example}` para ver cómo se usan, con ejemplos, o busca cualquier palabra, como `{search}`.",
  "help.nothing": "No encontré nada sobre «{topic}». Escribe `{help}` para verlo todo.",
  "help.group.help": "Ayuda",
  "arg.topic": "tema",
};
