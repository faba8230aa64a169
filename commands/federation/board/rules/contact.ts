import { z } from "zod";
import { isUserId } from "../../../../src/kernel/mentions.js";

/** A contact person as sealed for the other cell: a name, and a Matrix id when they are on Matrix. */
export interface Contact {
  name: string;
  userId: string | null;
}

const ContactSchema = z
  .object({ name: z.string().min(1).max(100), userId: z.string().max(255).refine(isUserId).nullable() })
  .strict();

export const contactPlain = (contact: Contact): string =>
  JSON.stringify({ name: contact.name, userId: contact.userId });

/** What the other cell sealed, if it is a contact at all. */
export function readContact(plain: string): Contact | undefined {
  try {
    const read = ContactSchema.safeParse(JSON.parse(plain));
    return read.success ? read.data : undefined;
  } catch {
    return undefined;
  }
}
