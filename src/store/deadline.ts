import { StoreUnavailableError } from './errors';

/**
 * `work`, or StoreUnavailableError once `ms` have passed: a store that does not answer must not hold
 * a request. What was already sent goes on (it cannot be recalled); its late answer is dropped.
 */
export async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreUnavailableError(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
