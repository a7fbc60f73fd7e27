"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function AdminNav({ resources }: { resources: { name: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Resources" className="side-nav">
      <ul className="flex gap-1 overflow-x-auto md:flex-col">
        <li>
          <Link href="/admin" aria-current={pathname === "/admin" ? "page" : undefined}>
            Overview
          </Link>
        </li>
        {resources.map((r) => {
          const href = `/admin/${r.name}`;
          const current = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={r.name}>
              <Link href={href} aria-current={current ? "page" : undefined}>
                {r.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
