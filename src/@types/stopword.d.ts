declare module 'stopword' {
  /** English stop words (about, after, all, …), lower case. */
  export const eng: string[];
  export function removeStopwords(tokens: string[], stopwords?: string[]): string[];
}
