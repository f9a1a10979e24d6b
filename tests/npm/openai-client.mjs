// The official OpenAI client (npm "openai") against the demo endpoint: an outside check that
// the wire format is right. Usage: node openai-client.mjs http://127.0.0.1:PORT/v1
import assert from 'node:assert/strict';
import OpenAI from 'openai';

const baseURL = process.argv[2];
const client = new OpenAI({ apiKey: 'demo-needs-no-key', baseURL, maxRetries: 0 });
const tools = [{
  type: 'function',
  function: {
    name: 'system_info',
    description: "The engine's live CPU, memory and IO figures",
    parameters: { type: 'object', properties: {} },
  },
}];
const question = { role: 'user', content: 'How much CPU and memory is the engine using?' };

// 1. Streamed, with a tool call assembled from deltas, and usage in the last chunk.
const stream = await client.chat.completions.create({
  model: 'spoon-demo', stream: true, stream_options: { include_usage: true }, tools, messages: [question],
});
const calls = [];
let finishReason = null;
let usage = null;
for await (const chunk of stream) {
  if (chunk.usage) usage = chunk.usage;
  for (const choice of chunk.choices) {
    if (choice.finish_reason) finishReason = choice.finish_reason;
    for (const delta of choice.delta.tool_calls ?? []) {
      calls[delta.index] ??= { id: '', name: '', arguments: '' };
      if (delta.id) calls[delta.index].id = delta.id;
      if (delta.function?.name) calls[delta.index].name += delta.function.name;
      if (delta.function?.arguments) calls[delta.index].arguments += delta.function.arguments;
    }
  }
}
assert.equal(finishReason, 'tool_calls');
assert.equal(calls.length, 1);
assert.equal(calls[0].name, 'system_info');
assert.deepEqual(JSON.parse(calls[0].arguments), {});
assert.ok(calls[0].id.length > 0);
assert.ok(usage && usage.completion_tokens > 0 && usage.prompt_tokens > 0);

// 2. The SDK's own stream helper, answering the tool call and streaming the final text.
const runner = client.chat.completions.stream({
  model: 'spoon-demo',
  tools,
  messages: [
    question,
    { role: 'assistant', content: null, tool_calls: calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })) },
    { role: 'tool', tool_call_id: calls[0].id, content: JSON.stringify({ process: { cpu_percent: 3.5, rss_bytes: 52428800, threads: 6 } }) },
  ],
});
let streamedText = '';
runner.on('content', (delta) => { streamedText += delta; });
const final = await runner.finalChatCompletion();
assert.equal(final.choices[0].finish_reason, 'stop');
assert.equal(final.choices[0].message.content, streamedText);
assert.match(streamedText, /3\.5 % of one core/);

// 3. Unstreamed, and the models list.
const whole = await client.chat.completions.create({ model: 'spoon-demo', messages: [{ role: 'user', content: 'Hi' }] });
assert.match(whole.choices[0].message.content, /demo endpoint/);
const models = await client.models.list();
assert.equal(models.data[0].id, 'spoon-demo');

// 4. An API error surfaces as the SDK's typed error with the server's message.
const limited = new OpenAI({ apiKey: 'x', baseURL, maxRetries: 0, defaultHeaders: { 'X-Demo-Fault': 'status=429,retry_after=1' } });
await assert.rejects(
  limited.chat.completions.create({ model: 'spoon-demo', messages: [{ role: 'user', content: 'Hi' }] }),
  (error) => error.status === 429 && /HTTP 429 as asked/.test(error.message),
);
console.log('openai client: streaming, tool call, stream helper, whole answer, models, 429: all ok');
