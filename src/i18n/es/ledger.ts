export const ledger = { "help.group.ledger.placeholder": "" };
