import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">Not found</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">There is nothing at this address.</p>
      <Link href="/admin" className="link mt-6 inline-block">
        Back to the admin index
      </Link>
    </main>
  );
}
