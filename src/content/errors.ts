/** Thrown when a file in content/ is not what the schemas say; names the file and the path. */
export class ContentError extends Error {
  override name = 'ContentError';
}
