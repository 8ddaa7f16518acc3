import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './client.ts';

let unauthenticated: () => void = () => {};

/** What to do when any request answers 401 (the session expired or was closed elsewhere). */
export function onUnauthenticated(handler: () => void): void {
  unauthenticated = handler;
}

function handleError(error: unknown): void {
  if (isApiError(error) && error.status === 401) unauthenticated();
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: handleError }),
    mutationCache: new MutationCache({ onError: handleError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not get better by asking again.
        retry: (failures, error) =>
          failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}
