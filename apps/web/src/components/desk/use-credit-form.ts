/**
 * A desk form that moves credits (the city's allocation to a fund, the fund's
 * adjustments and settlements): the errors beside its fields, the failure under it,
 * the line saying what was done, whether it is sending, and the one Idempotency-Key
 * its retries share. Only a definite refusal ends the intent: after a network
 * failure the same key goes again, so the credits can never move twice.
 */
import { ref, type Ref } from 'vue';
import { Intent } from '@/api/intent';
import { ApiProblem } from '@/api/problem';
import { problemText } from '@/composables/problem-text';

/**
 * `named` are the fields the API may name in its refusal (what the form sends);
 * `Field` may add fields the page checks itself before sending.
 */
export function useCreditForm<Field extends string>(named: readonly Field[]) {
  const errors = ref({}) as Ref<Partial<Record<Field, string>>>;
  const failure = ref('');
  const done = ref('');
  const busy = ref(false);
  const intent = new Intent();

  /** A failure in words, beside the field the API named or under the form; what was typed stays. */
  function explain(error: unknown): void {
    if (error instanceof ApiProblem && !error.retryable) intent.done();
    if (error instanceof ApiProblem && error.code === 'VALIDATION_FAILED') {
      const found: Partial<Record<Field, string>> = {};
      for (const field of named) {
        const message = error.fieldMessage(field);
        if (message) found[field] = message;
      }
      errors.value = found;
      if (Object.keys(found).length > 0) return;
    }
    failure.value = problemText(error);
  }

  /** Forgets the last failure and the last line of what was done, before a new try. */
  function clear(): void {
    failure.value = '';
    done.value = '';
  }

  /**
   * Sends `move` under the key of `intent` (what is sent, and to whom); `then` takes
   * the answer, says what was done (`done`) and empties what should not go twice.
   */
  async function send<T>(
    what: object,
    move: (key: string) => Promise<T>,
    then: (answer: T) => unknown,
  ): Promise<void> {
    busy.value = true;
    try {
      const answer = await move(intent.keyFor(what));
      intent.done();
      errors.value = {};
      await then(answer);
    } catch (error) {
      explain(error);
    } finally {
      busy.value = false;
    }
  }

  return { errors, failure, done, busy, clear, send };
}
