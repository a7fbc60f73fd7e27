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
  { ignores: [".next/**", ".next-bench/**", "node_modules/**", "next-env.d.ts", "playwright-report/**", "test-results/**", "data/**", "bench/results/**"] },
];

export default config;
