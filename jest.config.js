// ESM + ts-jest: tests import sources with ".js" specifiers, as Node resolves the built files.
const tsJest = ["ts-jest", { useESM: true, tsconfig: "tsconfig.json", diagnostics: { ignoreCodes: [151002] } }];
const common = {
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: { "^.+\\.ts$": tsJest },
  testEnvironment: "node",
};

const skipE2e = process.env.SKIP_E2E === "1";
if (skipE2e) console.log("tandem: SKIP_E2E=1, the end-to-end tests against a real Synapse are skipped.");

/** @type {import('jest').Config} */
export default {
  projects: [
    // Everything but e2e: the tests mirror the sources (kernel, platform, transport, commands/<feature>).
    {
      ...common,
      displayName: "unit",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
    },
    // SKIP_E2E=1 leaves the e2e project (real Synapse) out, explicitly and visibly.
    ...(skipE2e
      ? []
      : [
          {
            ...common,
            displayName: "e2e",
            testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
            globalSetup: "<rootDir>/test/support/e2e-global-setup.ts",
            globalTeardown: "<rootDir>/test/support/e2e-global-teardown.ts",
          },
        ]),
  ],
};
