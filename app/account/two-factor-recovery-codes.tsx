import { dismissRecoveryCodesAction } from "@/lib/auth/two-factor/account-actions";

/** The recovery codes, shown once right after they are made, with a text file to keep. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const file = `Gatehouse recovery codes\nEach code signs you in once if you lose your authenticator.\n\n${codes.join("\n")}\n`;
  return (
    <div role="status" className="space-y-4">
      <p className="text-sm">
        Save these recovery codes somewhere safe. Each one works once, in place of an authentication code. They will not be shown again once you leave this page.
      </p>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 rounded-md bg-zinc-50 p-4 font-mono text-sm dark:bg-zinc-900">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-3">
        <a className="btn-secondary" download="gatehouse-recovery-codes.txt" href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`}>
          Download recovery codes
        </a>
        <form action={dismissRecoveryCodesAction}>
          <button type="submit" className="btn-primary">
            I have saved them
          </button>
        </form>
      </div>
    </div>
  );
}
