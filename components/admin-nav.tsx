"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function AdminNav({ resources }: { resources: { name: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Resources">
      <ul className="flex gap-1 overflow-x-auto md:flex-col">
        <li>
          <Link href="/admin" aria-current={pathname === "/admin" ? "page" : undefined} className="block rounded-md px-3 py-2 text-sm text-zinc-600 hover:bg-zinc-100 aria-[current=page]:bg-zinc-100 aria-[current=page]:font-semibold aria-[current=page]:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-zinc-800 dark:aria-[current=page]:text-white">
            Overview
          </Link>
        </li>
        {resources.map((r) => {
          const href = `/admin/${r.name}`;
          const current = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={r.name}>
              <Link href={href} aria-current={current ? "page" : undefined} className="block rounded-md px-3 py-2 text-sm text-zinc-600 hover:bg-zinc-100 aria-[current=page]:bg-zinc-100 aria-[current=page]:font-semibold aria-[current=page]:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-zinc-800 dark:aria-[current=page]:text-white">
                {r.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
