// js-tiktoken publishes its rank files only through package "exports", which the repository's
// `moduleResolution: node` does not read for types. Runtime resolution (Node, Jest) is unaffected.
declare module 'js-tiktoken/ranks/cl100k_base' {
  import type { TiktokenBPE } from 'js-tiktoken/lite';
  const ranks: TiktokenBPE;
  export default ranks;
}
