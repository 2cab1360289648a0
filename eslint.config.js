import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "node_modules/**", ".cache/**", ".data/**", "db/migrations/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly" } },
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "no-empty": ["error", { allowEmptyCatch: true }],
    },
  },
  {
    // Only env.server.ts reads the environment.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/utils/env.server.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Use getEnv() from ~/utils/env.server." }],
    },
  },
  {
    // Routes stay thin: parse, authorise, call one model or ledger function. They import no database values.
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/db/client", "**/db/schema", "drizzle-orm", "drizzle-orm/*"], message: "Routes call app/models or app/ledger; they do not touch the database." },
          ],
        },
      ],
    },
  },
  {
    // Only app/ledger writes the ledger tables.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/ledger/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name=/^(insert|update|delete)$/] > Identifier[name=/^(ledgerGroups|ledgerLines|addressTotals|needTotals)$/]",
          message: "Money moves only through app/ledger.",
        },
      ],
    },
  },
);
