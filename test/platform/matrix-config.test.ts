import { randomBytes } from "node:crypto";
import { matrixConfigSchema } from "../../src/platform/config/matrix.js";

const base = {
  homeserverUrl: "https://matrix.example.org",
  userId: "@tandem:example.org",
  allowedInviters: ["@ana:example.org", "example.org"],
  cryptoStoreKey: randomBytes(32).toString("base64"),
};

function problems(input: unknown): string[] {
  const result = matrixConfigSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("the matrix: section of the config", () => {
  test("a password alone is enough; defaults keep unencrypted rooms refused and insecure devices excluded", () => {
    const parsed = matrixConfigSchema.parse({ ...base, password: "pw" });
    expect(parsed.allowUnencryptedRooms).toBe(false);
    expect(parsed.undecryptableNoticeAfterSeconds).toBe(300);
    expect(parsed.excludeInsecureDevices).toBe(true);
    expect(
      matrixConfigSchema.parse({ ...base, password: "pw", excludeInsecureDevices: false }).excludeInsecureDevices,
    ).toBe(false);
    expect(problems({ ...base, password: "pw", excludeInsecureDevices: "no" })).toEqual([
      expect.stringMatching(/^excludeInsecureDevices: /),
    ]);
  });

  test("an access token needs its device id; neither token nor password is fine (a restart reuses the stored session)", () => {
    expect(problems({ ...base, accessToken: "t" })).toEqual([
      expect.stringMatching(/^deviceId: accessToken and deviceId go together/),
    ]);
    expect(problems({ ...base, accessToken: "t", deviceId: "D" })).toEqual([]);
    // Whether a first login lacks its password is decided at start, with the database at hand (login.test.ts).
    expect(problems(base)).toEqual([]);
  });

  test("the crypto store key must be 32 bytes of base64", () => {
    expect(problems({ ...base, password: "pw", cryptoStoreKey: randomBytes(16).toString("base64") })).toEqual([
      expect.stringMatching(/^cryptoStoreKey: expected 32 random bytes/),
    ]);
    expect(problems({ ...base, password: "pw", cryptoStoreKey: "not base64 at all!!" })).toHaveLength(1);
  });

  test("inviters are user ids or server names, at least one; unknown keys are refused", () => {
    expect(problems({ ...base, password: "pw", allowedInviters: [] })).toHaveLength(1);
    expect(problems({ ...base, password: "pw", allowedInviters: ["ana"] })).toEqual([
      expect.stringMatching(/^allowedInviters.0: expected a user id/),
    ]);
    expect(problems({ ...base, password: "pw", alowedInviters: [] })).toHaveLength(1);
  });
});
