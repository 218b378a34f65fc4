/** A write or read named a row that does not exist (or is deleted). */
export class RowNotFound extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} not found`);
    this.name = 'RowNotFound';
  }
}
