/**
 * A data file (or archive, or download) that cannot be used, with the file's path and what is wrong.
 * Thrown by the CIFAR readers, the tar reader and the downloader before anything reaches tfjs.
 */
export class DataFileError extends Error {
  constructor(
    /** Path of the offending file (for archive members `archive.tar.gz:member`), or a URL. */
    readonly file: string,
    /** What is wrong, in words a user can act on. */
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'DataFileError';
  }
}
