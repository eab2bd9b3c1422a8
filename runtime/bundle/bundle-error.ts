/** A bundle the runtime will not run, with what to do about it. */
export class BundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BundleError";
  }
}
