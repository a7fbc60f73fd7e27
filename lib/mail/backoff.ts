/**
 * When a mail the server did not take is tried again: after the n-th failed
 * attempt, wait schedule[n-1] seconds (MAIL_RETRY_SECONDS, e.g. 60,300,1800);
 * once every step is used, the mail has failed for good (null).
 */
export function retryDelaySeconds(failedAttempts: number, schedule: readonly number[]): number | null {
  if (failedAttempts < 1) return 0;
  return failedAttempts <= schedule.length ? schedule[failedAttempts - 1]! : null;
}

/** The outbox row's next state after a failed attempt, at `now`. */
export function afterFailure(failedAttempts: number, schedule: readonly number[], now: Date): { status: "retrying"; nextAttemptAt: Date } | { status: "failed" } {
  const wait = retryDelaySeconds(failedAttempts, schedule);
  return wait === null ? { status: "failed" } : { status: "retrying", nextAttemptAt: new Date(now.getTime() + wait * 1000) };
}
