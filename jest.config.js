// ESM + ts-jest: tests import sources with ".js" specifiers, as Node resolves the built files.
const tsJest = [
  "ts-jest",
  { useESM: true, tsconfig: "tsconfig.json", diagnostics: { ignoreCodes: [151002] } },
];
const common = {
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: { "^.+\\.ts$": tsJest },
  testEnvironment: "node",
};

/** @type {import('jest').Config} */
export default {
  projects: [
    { ...common, displayName: "unit", testMatch: ["<rootDir>/test/unit/**/*.test.ts"] },
    { ...common, displayName: "integration", testMatch: ["<rootDir>/test/integration/**/*.test.ts"] },
    {
      ...common,
      displayName: "e2e",
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
      globalSetup: "<rootDir>/test/support/e2e-global-setup.ts",
      globalTeardown: "<rootDir>/test/support/e2e-global-teardown.ts",
    },
  ],
};
