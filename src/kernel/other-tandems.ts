/**
 * Two Tandems may sit in one room: an assembly hosted by one, with the bot of another union's cells
 * invited in. There only the host may answer, one command, one answer. A Tandem marks its messages
 * in the rooms it hosts with this content key (inside the encrypted content, invisible to members);
 * another Tandem that reads the mark is handed it as a structured event of the same type, and the
 * feature that hosts such rooms learns that the room is another's (see `Feature.hosts`).
 */
export const HOST_MARK = "org.tandem.host";
