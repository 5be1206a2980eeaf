// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * ARCHITECTURE.md: a module imports only downward, and reaches another folder only through its index.ts.
 * Each entry lists the src folders a folder must NOT import at runtime.
 * @type {Record<string, string[]>}
 */
const forbidden = {
  explain: ["cli", "harness", "clients", "report", "aws", "gateway", "emulator", "fronts"],
  clients: ["cli", "harness", "report", "aws", "gateway", "emulator", "fronts"],
  harness: ["cli", "report", "aws", "gateway", "emulator", "fronts"],
  report: ["cli", "aws", "gateway", "emulator", "fronts", "clients"],
  aws: ["cli", "harness", "clients", "report", "gateway", "emulator", "fronts"],
  gateway: ["cli", "harness", "clients", "explain", "report", "aws", "emulator", "fronts"],
  emulator: ["cli", "harness", "clients", "explain", "report", "aws", "gateway", "fronts"],
  fronts: ["cli", "harness", "clients", "explain", "report", "aws", "gateway", "emulator"],
};

const layering = Object.entries(forbidden).map(([folder, banned]) => ({
  files: [`src/${folder}/**/*.ts`],
  rules: {
    "@typescript-eslint/no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            group: banned.flatMap((b) => [`../${b}`, `../${b}/*`, `../../${b}`, `../../${b}/*`]),
            message: "Imports flow one way (see ARCHITECTURE.md); this folder must not depend on that one.",
            // report may read harness's Report type; types vanish at runtime.
            allowTypeImports: true,
          },
          {
            // Any path that climbs out of the folder and then names a file other than index.js inside a subfolder.
            regex: "^(\\.\\./)+[\\w-]+/(?!index\\.js$)",
            message: "Reach another folder only through its index.ts.",
            allowTypeImports: true,
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "reports/**", "bench/.peers/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly", console: "readonly", setTimeout: "readonly", clearTimeout: "readonly",
        setInterval: "readonly", clearInterval: "readonly", setImmediate: "readonly", Buffer: "readonly",
        URL: "readonly", AbortController: "readonly", AbortSignal: "readonly", TextEncoder: "readonly",
        TextDecoder: "readonly", fetch: "readonly", Response: "readonly", Request: "readonly", Headers: "readonly",
        performance: "readonly", structuredClone: "readonly", queueMicrotask: "readonly", globalThis: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
    },
  },
  ...layering,
);
