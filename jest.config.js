/** Unit, contract, property and component tests. End-to-end tests run separately (test/e2e). */
module.exports = {
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx" } },
    ],
  },
  setupFiles: ["<rootDir>/test/support/setup.js"],
  // Property tests run hundreds of cases; on a busy two-core machine 5 s is too tight.
  testTimeout: 30_000,
  moduleNameMapper: {
    // office-addin-mock imports office-addin-manifest, whose dependency chain is ESM-only.
    "^office-addin-manifest$": "<rootDir>/test/support/office-addin-manifest.stub.js",
  },
};
