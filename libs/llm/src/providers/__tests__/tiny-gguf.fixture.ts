import { writeFile } from 'node:fs/promises';

// Writes a tiny llama-architecture GGUF model (one layer, 16-wide, random F32 weights, a
// SentencePiece vocabulary of the byte tokens plus a few words) so node-llama-cpp really loads
// and runs a model in the tests. Its output is gibberish by design; the tests check the
// plumbing (streaming, counts, limits, cancellation), not the text.

const TYPE = { U32: 4, I32: 5, F32: 6, STRING: 8, ARRAY: 9 } as const;
const ALIGNMENT = 32;

type Value =
  | { type: typeof TYPE.U32; value: number }
  | { type: typeof TYPE.F32; value: number }
  | { type: typeof TYPE.STRING; value: string }
  | { type: typeof TYPE.ARRAY; items: typeof TYPE.STRING | typeof TYPE.F32 | typeof TYPE.I32; values: (string | number)[] };

class Writer {
  private readonly parts: Buffer[] = [];
  private size = 0;
  push(buffer: Buffer): void {
    this.parts.push(buffer);
    this.size += buffer.length;
  }
  u32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    this.push(b);
  }
  i32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeInt32LE(v);
    this.push(b);
  }
  u64(v: number): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(v));
    this.push(b);
  }
  f32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeFloatLE(v);
    this.push(b);
  }
  str(s: string): void {
    const b = Buffer.from(s, 'utf8');
    this.u64(b.length);
    this.push(b);
  }
  align(): void {
    const pad = (ALIGNMENT - (this.size % ALIGNMENT)) % ALIGNMENT;
    if (pad > 0) this.push(Buffer.alloc(pad));
  }
  bytes(): Buffer {
    return Buffer.concat(this.parts);
  }
}

export async function writeTinyGguf(path: string): Promise<void> {
  const embd = 16;
  const heads = 2;
  const ff = 32;
  const words = ['▁hello', '▁the', '▁we', '▁open', '▁at', '▁9', 'am', '.', '▁boiler', '▁service', '▁costs', '▁£', '85'];
  const bytes = Array.from({ length: 256 }, (_, i) => `<0x${i.toString(16).toUpperCase().padStart(2, '0')}>`);
  const tokens = ['<unk>', '<s>', '</s>', ...bytes, ...words];
  // token types: 2 unknown, 3 control, 6 byte, 1 normal
  const tokenTypes = tokens.map((_, i) => (i === 0 ? 2 : i < 3 ? 3 : i < 259 ? 6 : 1));
  const metadata: [string, Value][] = [
    ['general.architecture', { type: TYPE.STRING, value: 'llama' }],
    ['general.name', { type: TYPE.STRING, value: 'parley-tiny-test' }],
    ['general.file_type', { type: TYPE.U32, value: 0 }],
    ['llama.context_length', { type: TYPE.U32, value: 4096 }],
    ['llama.embedding_length', { type: TYPE.U32, value: embd }],
    ['llama.block_count', { type: TYPE.U32, value: 1 }],
    ['llama.feed_forward_length', { type: TYPE.U32, value: ff }],
    ['llama.attention.head_count', { type: TYPE.U32, value: heads }],
    ['llama.attention.head_count_kv', { type: TYPE.U32, value: heads }],
    ['llama.attention.layer_norm_rms_epsilon', { type: TYPE.F32, value: 1e-5 }],
    ['llama.rope.dimension_count', { type: TYPE.U32, value: embd / heads }],
    ['tokenizer.ggml.model', { type: TYPE.STRING, value: 'llama' }],
    ['tokenizer.ggml.tokens', { type: TYPE.ARRAY, items: TYPE.STRING, values: tokens }],
    ['tokenizer.ggml.scores', { type: TYPE.ARRAY, items: TYPE.F32, values: tokens.map((_, i) => (i < 259 ? 0 : -i)) }],
    ['tokenizer.ggml.token_type', { type: TYPE.ARRAY, items: TYPE.I32, values: tokenTypes }],
    ['tokenizer.ggml.unknown_token_id', { type: TYPE.U32, value: 0 }],
    ['tokenizer.ggml.bos_token_id', { type: TYPE.U32, value: 1 }],
    ['tokenizer.ggml.eos_token_id', { type: TYPE.U32, value: 2 }],
  ];
  const vocab = tokens.length;
  const tensors: [string, number[]][] = [
    ['token_embd.weight', [embd, vocab]],
    ['output_norm.weight', [embd]],
    ['output.weight', [embd, vocab]],
    ['blk.0.attn_norm.weight', [embd]],
    ['blk.0.attn_q.weight', [embd, embd]],
    ['blk.0.attn_k.weight', [embd, embd]],
    ['blk.0.attn_v.weight', [embd, embd]],
    ['blk.0.attn_output.weight', [embd, embd]],
    ['blk.0.ffn_norm.weight', [embd]],
    ['blk.0.ffn_gate.weight', [embd, ff]],
    ['blk.0.ffn_up.weight', [embd, ff]],
    ['blk.0.ffn_down.weight', [ff, embd]],
  ];

  const w = new Writer();
  w.push(Buffer.from('GGUF'));
  w.u32(3);
  w.u64(tensors.length);
  w.u64(metadata.length);
  for (const [key, v] of metadata) {
    w.str(key);
    w.u32(v.type);
    if (v.type === TYPE.STRING) w.str(v.value);
    else if (v.type === TYPE.U32) w.u32(v.value);
    else if (v.type === TYPE.F32) w.f32(v.value);
    else if (v.type === TYPE.ARRAY) {
      w.u32(v.items);
      w.u64(v.values.length);
      for (const item of v.values) {
        if (v.items === TYPE.STRING) w.str(String(item));
        else if (v.items === TYPE.F32) w.f32(Number(item));
        else w.i32(Number(item));
      }
    }
  }
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff - 0.5;
  };
  let offset = 0;
  const data: Buffer[] = [];
  for (const [name, dims] of tensors) {
    w.str(name);
    w.u32(dims.length);
    for (const d of dims) w.u64(d);
    w.u32(0); // F32
    w.u64(offset);
    const count = dims.reduce((a, b) => a * b, 1);
    const buffer = Buffer.alloc(count * 4);
    for (let i = 0; i < count; i += 1) buffer.writeFloatLE(name.includes('norm') ? 1 : random() * 0.5, i * 4);
    data.push(buffer);
    offset += Math.ceil(buffer.length / ALIGNMENT) * ALIGNMENT;
  }
  w.align();
  for (const buffer of data) {
    w.push(buffer);
    w.align();
  }
  await writeFile(path, w.bytes());
}
