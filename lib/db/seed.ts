import { eq } from "drizzle-orm";
import { writeTransaction, type Db } from "./index";
import { ITEM_CATEGORIES, items, roles, users } from "./schema";
import { suppliers } from "./schema/suppliers";
import { createUser } from "../users/service";
import { ADMIN_ROLE } from "../permissions";

export const DEMO_PASSWORD = "password";

export const DEMO_ROLES = [
  { name: ADMIN_ROLE, description: "Superuser: every permission, present and future.", permissions: [] },
  { name: "end-user", description: "May sign in; no admin permission.", permissions: [] },
  { name: "editor", description: "Manages items.", permissions: ["items:view", "items:create", "items:update", "items:price"] },
  { name: "contributor", description: "Manages their own items; sets a price only when creating one.", permissions: ["items:view:own", "items:create:own", "items:update:own", "items:delete:own"] },
];

export const DEMO_USERS = [
  { email: "admin@example.com", name: "Ada Admin", roles: [ADMIN_ROLE] },
  { email: "someone@example.com", name: "Sam Someone", roles: ["end-user"] },
  { email: "editor@example.com", name: "Eddie Editor", roles: ["editor"] },
  { email: "contributor@example.com", name: "Cora Contributor", roles: ["contributor"] },
];

/** Every tenth demo item (3, 13, 23, …) belongs to the contributor. */
export const CONTRIBUTOR_EMAIL = "contributor@example.com";

const ADJECTIVES = ["Red", "Green", "Blue", "Fast", "Slow", "Big", "Small", "Old", "New", "Bright", "Dark", "Quiet"];
const NOUNS = ["widget", "gadget", "gizmo", "sprocket", "bolt", "gear", "lever", "spring", "lamp", "kettle", "drum"];

/** Demo suppliers; every sixth demo item (1, 7, 13, …) comes from one of them, in turn. */
export const DEMO_SUPPLIERS = [
  { name: "Acme Tooling", contactEmail: "orders@acme.example", status: "active", since: new Date(Date.UTC(2021, 2, 1)) },
  { name: "Brightside Books", contactEmail: "hello@brightside.example", status: "active", since: new Date(Date.UTC(2022, 5, 15)) },
  { name: "Corner Garden Co", contactEmail: null, status: "paused", since: new Date(Date.UTC(2020, 8, 10)), notes: "Paused over the winter." },
  { name: "Dockside Toys", contactEmail: "sales@dockside.example", status: "ended", since: new Date(Date.UTC(2019, 0, 20)) },
  { name: "Evergreen Foods", contactEmail: "supply@evergreen.example", status: "active", since: new Date(Date.UTC(2023, 10, 5)) },
] as const;

export interface SeedOptions {
  demoUsers: boolean;
  items?: number;
  log?: (line: string) => void;
}

/** Idempotent: creates what is missing and leaves what exists alone. */
export async function seed(db: Db, { demoUsers, items: itemCount = 300, log = () => {} }: SeedOptions): Promise<void> {
  for (const role of DEMO_ROLES) {
    const inserted = await writeTransaction(db, (tx) => tx.insert(roles).values(role).onConflictDoNothing({ target: roles.name }).returning({ id: roles.id }));
    if (inserted.length) log(`created role ${role.name}`);
  }
  if (!demoUsers) return;
  if (process.env.NODE_ENV === "production") throw new Error("Demo users are never created with NODE_ENV=production.");

  for (const user of DEMO_USERS) {
    const exists = await db.select({ id: users.id }).from(users).where(eq(users.email, user.email));
    if (exists.length) continue;
    await createUser(db, { ...user, password: DEMO_PASSWORD, skipPolicy: true });
    log(`created user ${user.email}`);
  }

  if ((await db.select({ id: items.id }).from(items).limit(1)).length) return;
  const owners = await db.select({ id: users.id, email: users.email }).from(users).orderBy(users.email);
  const contributor = owners.find((o) => o.email === CONTRIBUTOR_EMAIL)?.id ?? null;
  const supplierIds = (await writeTransaction(db, (tx) => tx.insert(suppliers).values([...DEMO_SUPPLIERS]).returning({ id: suppliers.id }))).map((s) => s.id);
  const rows = Array.from({ length: itemCount }, (_, k) => {
    const i = k + 1;
    return {
      name: `${ADJECTIVES[i % ADJECTIVES.length]} ${NOUNS[(i * 7) % NOUNS.length]} ${i}`,
      category: ITEM_CATEGORIES[(i * 31) % ITEM_CATEGORIES.length]!,
      priceCents: (i * 7919) % 100000,
      inStock: i % 5 !== 0,
      description: i % 3 === 0 ? `Demo item number ${i}.` : null,
      ownerId: i % 10 === 3 ? contributor : i % 4 === 0 ? (owners[i % owners.length]?.id ?? null) : null,
      supplierId: i % 6 === 1 ? (supplierIds[Math.floor(i / 6) % supplierIds.length] ?? null) : null,
      createdAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000),
    };
  });
  await writeTransaction(db, async (tx) => {
    for (let k = 0; k < rows.length; k += 500) await tx.insert(items).values(rows.slice(k, k + 500));
  });
  log(`created ${supplierIds.length} demo suppliers and ${rows.length} demo items`);
}
