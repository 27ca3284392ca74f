/** Thrown for input the extractor cannot take (not a string, over the size limit, bad context). */
export class InvalidExtractionInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidExtractionInputError';
  }
}
