import { randomBytes } from "node:crypto";
import { loadSession, openToken, saveSession, sealToken } from "../../../src/transport/matrix/session-store.js";
import { openMigrated } from "../../support/db.js";

const key = () => randomBytes(32).toString("base64");

describe("stored Matrix session", () => {
  it("keeps the access token sealed in the database and opens it with the crypto store key", () => {
    const { db } = openMigrated();
    const k = key();
    const session = {
      homeserver: "https://m.example.org",
      userId: "@bot:example.org",
      deviceId: "DEV",
      accessToken: "syt_secret_token",
    };
    saveSession(db, session, k, 1);
    expect(JSON.stringify(db.prepare("SELECT * FROM matrix_session").all())).not.toContain("syt_secret_token");
    expect(loadSession(db, k)).toEqual(session);
    expect(() => loadSession(db, key())).toThrow(/cannot be opened with this matrix\.cryptoStoreKey/);
  });

  it("seals the same token differently each time, and refuses a tampered one", () => {
    const k = key();
    const a = sealToken("tok", k);
    expect(a).not.toBe(sealToken("tok", k));
    expect(openToken(a, k)).toBe("tok");
    const tampered = `${a.slice(0, -4)}AAAA`;
    expect(() => openToken(tampered, k)).toThrow(/cannot be opened/);
  });
});
