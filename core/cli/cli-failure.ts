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

/** Ends a command with a non-zero exit code after it printed its own answer (`verify`: 「不相符」 is an answer, not an error). */
export class CliExit extends CliFailure {
  constructor(exitCode: number) {
    super('', exitCode);
    this.name = 'CliExit';
  }
}
