export const PASSWORD = "password";

export const ACCOUNTS = {
  admin: { email: "admin@example.com", state: "e2e/.auth/admin.json" },
  endUser: { email: "someone@example.com", state: "e2e/.auth/end-user.json" },
  editor: { email: "editor@example.com", state: "e2e/.auth/editor.json" },
  contributor: { email: "contributor@example.com", state: "e2e/.auth/contributor.json" },
} as const;

export type Account = keyof typeof ACCOUNTS;
