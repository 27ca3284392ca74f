import type { BaseLanguageModelInput } from '@langchain/core/language_models/base';
import { BaseChatModel, type BindToolsInput } from '@langchain/core/language_models/chat_models';
import { AIMessage, AIMessageChunk, type BaseMessage } from '@langchain/core/messages';
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs';
import type { Runnable } from '@langchain/core/runnables';
import { generationRequest } from '../../__tests__/generation-request.fixture';
import type { ModelToolSpec } from '../../generation/generation.types';
import { streamChatModel, untilAborted } from '../langchain-stream';
import type { ProviderRun } from '../provider.types';

async function* slow(values: string[], stallAfter: number): AsyncGenerator<string> {
  for (const [i, value] of values.entries()) {
    if (i === stallAfter) await new Promise(() => undefined); // a server that stops sending
    yield value;
  }
}

describe('untilAborted', () => {
  it('passes every value through when nothing aborts', async () => {
    const seen: string[] = [];
    for await (const v of untilAborted(slow(['a', 'b', 'c'], 99), new AbortController().signal)) seen.push(v);
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('stops waiting for a stalled source when the signal aborts, throwing its reason', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const run = (async () => {
      for await (const v of untilAborted(slow(['a', 'b', 'c'], 1), controller.signal)) {
        seen.push(v);
        setImmediate(() => controller.abort(new Error('visitor left')));
      }
    })();
    await expect(run).rejects.toThrow('visitor left');
    expect(seen).toEqual(['a']);
  });

  it("passes a failing read's error on and closes the source on a break, not after the source ended", async () => {
    let returned = 0;
    const source = (values: string[], failAt: number): AsyncIterable<string> => ({
      [Symbol.asyncIterator]: () => {
        let i = 0;
        return {
          next: () =>
            i === failAt ? Promise.reject(new Error('socket reset')) : Promise.resolve({ value: values[i++], done: i > values.length }),
          return: () => ((returned += 1), Promise.resolve({ value: undefined, done: true })),
        };
      },
    });
    const signal = new AbortController().signal;
    const collect = async (from: AsyncIterable<string>, stopAt?: string) => {
      const seen: string[] = [];
      for await (const v of untilAborted(from, signal)) {
        seen.push(v);
        if (v === stopAt) break;
      }
      return seen;
    };
    await expect(collect(source(['a', 'b'], 1))).rejects.toThrow('socket reset');
    expect(returned).toBe(1);
    expect(await collect(source(['a', 'b', 'c'], 99), 'b')).toEqual(['a', 'b']);
    expect(returned).toBe(2);
    expect(await collect(source(['a', 'b'], 99))).toEqual(['a', 'b']);
    expect(returned).toBe(2);
  });

  it('throws at once on an already aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    const iterate = async () => {
      for await (const v of untilAborted(slow(['a'], 99), controller.signal)) void v;
    };
    await expect(iterate()).rejects.toThrow();
  });
});

/** A chat model that streams by itself, counting how it was called (not a provider: no I/O). */
class ChunkModel extends BaseChatModel {
  streamCalls = 0;
  readonly seenOptions: Record<string, unknown>[] = [];

  constructor(
    private readonly pieces: readonly string[],
    private readonly finish: string,
  ) {
    super({});
  }

  _llmType(): string {
    return 'chunk-test';
  }

  override bindTools(tools: BindToolsInput[]): Runnable<BaseLanguageModelInput, AIMessageChunk> {
    return this.withConfig({ tools } as Partial<this['ParsedCallOptions']>) as unknown as Runnable<BaseLanguageModelInput, AIMessageChunk>;
  }

  override async stream(input: BaseLanguageModelInput, options?: Partial<this['ParsedCallOptions']>) {
    this.streamCalls += 1;
    return super.stream(input, options);
  }

  override async *_streamResponseChunks(_messages: BaseMessage[], options: this['ParsedCallOptions']): AsyncGenerator<ChatGenerationChunk> {
    this.seenOptions.push(options as Record<string, unknown>);
    for (const [i, text] of this.pieces.entries()) {
      const last = i === this.pieces.length - 1;
      yield new ChatGenerationChunk({
        text,
        message: new AIMessageChunk({
          content: text,
          ...(last ? { usage_metadata: { input_tokens: 7, output_tokens: 3, total_tokens: 10 } } : {}),
        }),
        ...(last ? { generationInfo: { finish_reason: this.finish } } : {}),
      });
    }
  }

  async _generate(): Promise<ChatResult> {
    throw new Error('not used');
  }
}

/** A model that only generates whole answers: LangChain's stream() yields its one message. */
class WholeAnswerModel extends BaseChatModel {
  _llmType(): string {
    return 'whole-test';
  }

  async _generate(): Promise<ChatResult> {
    const text = 'all at once';
    return { generations: [{ text, message: new AIMessage(text), generationInfo: { finish_reason: 'length' } }] };
  }
}

describe('streamChatModel', () => {
  const run = (tools: ModelToolSpec[] = []) => {
    const tokens: string[] = [];
    const providerRun: ProviderRun = {
      request: generationRequest({ tools }),
      model: 'm',
      signal: new AbortController().signal,
      onToken: (t) => tokens.push(t),
    };
    return { tokens, providerRun };
  };
  const prompt = [
    { role: 'system' as const, content: 'be brief' },
    { role: 'user' as const, content: 'hello' },
  ];
  const tool: ModelToolSpec = { name: 'log_event', description: 'Note it.', parameters: { type: 'object', properties: {} } };

  it("reads the model's own chunk stream (not stream()), with the bound tools and the signal as its options", async () => {
    const model = new ChunkModel(['Hel', 'lo', ' there'], 'length');
    const { tokens, providerRun } = run([tool]);
    const output = await streamChatModel(model, prompt, providerRun);
    expect(tokens).toEqual(['Hel', 'lo', ' there']);
    expect(output).toMatchObject({ content: 'Hello there', finishReason: 'length', usage: { inputTokens: 7, outputTokens: 3 } });
    expect(model.streamCalls).toBe(0);
    expect(model.seenOptions).toHaveLength(1);
    expect(model.seenOptions[0].signal).toBe(providerRun.signal);
    expect((model.seenOptions[0].tools as { function: { name: string } }[]).map((t) => t.function.name)).toEqual(['log_event']);
  });

  it('uses stream() for a model that does not stream by itself', async () => {
    const { tokens, providerRun } = run();
    const output = await streamChatModel(new WholeAnswerModel({}), prompt, providerRun);
    expect(tokens).toEqual(['all at once']);
    expect(output).toMatchObject({ content: 'all at once', finishReason: 'length' });
  });
});
