// Runs one execution of a state machine definition with aws-local-stepfunctions, for PipelineStateMachineTest.
// Usage: node run-state-machine.mjs <definition.json> <execution-name> <input-json> <port>
// Every Task state is overridden: its input is POSTed to http://127.0.0.1:<port>/task/<state name>, which answers
// {"result": ...} or {"error": "<name>", "cause": "..."} (thrown as an error of that name, so the definition's Retry
// and Catch match it as they would the service's error). Retry pauses are recorded and skipped, not slept: the
// definition's intervals are minutes. Math.random is pinned near 1 so that FULL jitter picks the top of its range and
// the recorded pauses are the backoff's caps. Prints one JSON line: status, output or error/cause, retry pauses.
import { readFileSync } from 'node:fs';
import { StateMachine } from 'aws-local-stepfunctions';

// aws-local-stepfunctions 3.0.0 declares node >= 22 for one call, Promise.withResolvers (ES2024), which node 20 (CI's)
// lacks; this is that function as ES2024 defines it.
if (!Promise.withResolvers) {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

const [definitionFile, executionName, input, port] = process.argv.slice(2);
const definition = JSON.parse(readFileSync(definitionFile, 'utf8'));

const retryPauses = [];
const realSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = (callback, ms, ...args) => {
  if (ms > 0 && /\bat sleep\b/.test(new Error().stack)) {
    retryPauses.push(ms);
    return realSetTimeout(callback, 0, ...args);
  }
  return realSetTimeout(callback, ms, ...args);
};
Math.random = () => 0.9999999;

function taskStates(states, names = []) {
  for (const [name, state] of Object.entries(states)) {
    if (state.Type === 'Task') names.push(name);
    const inner = state.ItemProcessor ?? state.Iterator;
    if (inner) taskStates(inner.States, names);
    for (const branch of state.Branches ?? []) taskStates(branch.States, names);
  }
  return names;
}

const handlers = {};
for (const name of taskStates(definition.States)) {
  handlers[name] = async (taskInput) => {
    const response = await fetch(`http://127.0.0.1:${port}/task/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(taskInput),
    });
    const answer = await response.json();
    if (answer.error) {
      const error = new Error(answer.cause ?? '');
      error.name = answer.error;
      throw error;
    }
    return answer.result;
  };
}

const machine = new StateMachine(definition);
const execution = machine.run(JSON.parse(input), {
  overrides: { taskResourceLocalHandlers: handlers },
  context: { Execution: { Name: executionName } },
});
let report;
try {
  report = { status: 'SUCCEEDED', output: await execution.result };
} catch (failure) {
  const error = failure.cause ?? failure; // the library wraps the state's error in an ExecutionError
  report = { status: 'FAILED', error: error.name, cause: error.message };
}
report.retry_pauses_ms = retryPauses;
process.stdout.write(JSON.stringify(report) + '\n');
