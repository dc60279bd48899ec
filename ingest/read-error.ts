/** A file that cannot be read: the batch reports it (file, reason) and goes on with the rest. */
export class ReadError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
  }
}
