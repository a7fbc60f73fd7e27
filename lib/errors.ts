/**
 * An expected failure a user can act on (bad input, a rule of the domain).
 * Forms show `message` next to `field`; the CLI prints it and exits non-zero.
 */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "UserFacingError";
  }
}
