/** A command that failed in a way the user can act on: the message is printed, the exit code is non-zero. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}
