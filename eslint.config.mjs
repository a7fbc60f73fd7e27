import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // The same code runs on SQLite and PostgreSQL: queries are awaited (never
    // SQLite's synchronous .get()/.all()/.run()) and writes go through
    // writeTransaction (lib/db), never a driver's own transaction API.
    files: ["app/**", "components/**", "lib/**", "scripts/**", "middleware.ts"],
    ignores: ["lib/db/index.ts", "lib/db/dialect.ts", "lib/db/migrate.ts"],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      // A write that is not awaited would run outside its transaction, or not at all.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: false }],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[arguments.length=0] > MemberExpression.callee > Identifier.property[name=/^(get|all|run)$/]", message: "Await the query instead: SQLite's synchronous .get()/.all()/.run() do not exist on PostgreSQL." },
        { selector: "CallExpression > MemberExpression.callee > Identifier.property[name='transaction']", message: "Use writeTransaction() from lib/db: it serialises writers on both databases." },
      ],
    },
  },
  {
    // One door per concern: no import cycle, and files small enough to read whole.
    files: ["app/**", "components/**", "lib/**", "middleware.ts"],
    rules: {
      "import/no-cycle": ["error", { ignoreExternal: true }],
      "max-lines": ["error", { max: 200 }],
    },
  },
  {
    // One door for the server's words: lib/i18n/server.ts keeps compiled messages for the process.
    files: ["app/**", "components/**", "lib/**", "middleware.ts"],
    ignores: ["lib/i18n/server.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "next-intl/server", importNames: ["getTranslations"], message: "Use getTranslations from lib/i18n/server: it keeps compiled messages for the process." }] }],
    },
  },
  {
    // The engine is generic: definitions, the registry, domain rules and the audit
    // table reach it as arguments and hooks (lib/resources/panel.ts), never as imports.
    files: ["lib/resources/engine/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/registry", "**/panel", "**/defs/*", "**/audit-port"], message: "The engine gets its resources passed in (createEngine)." },
            { group: ["**/users/*", "**/roles/*", "**/auth/*", "**/account/*", "**/audit", "**/audit/*"], message: "Domain rules reach the engine as hooks of their definitions." },
            { group: ["**/db/schema", "**/db/schema/*"], message: "The engine works on the tables definitions give it." },
            { group: ["drizzle-orm/sqlite-core", "drizzle-orm/pg-core"], message: "The engine is typed on Drizzle's dialect-neutral Table and Column." },
          ],
        },
      ],
    },
  },
  { ignores: [".next/**", ".next-bench/**", "node_modules/**", "next-env.d.ts", "playwright-report/**", "test-results/**", "data/**", "bench/results/**"] },
];

export default config;
