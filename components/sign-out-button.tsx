import { signOutAction } from "@/lib/auth/actions";

export function SignOutButton({ className = "btn-secondary" }: { className?: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}
