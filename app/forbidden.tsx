import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <p className="text-sm font-semibold text-red-600">403</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">Forbidden</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">You do not have permission to view this page.</p>
      <Link href="/admin" className="link mt-6 inline-block">
        Back to the admin index
      </Link>
    </main>
  );
}
