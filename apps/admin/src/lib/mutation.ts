import {
  type QueryKey,
  type UseMutationOptions,
  type UseMutationResult,
  useMutation,
  useQueryClient,
} from "@tanstack/react-query";

export interface ApiMutationOptions<TData, TVariables> extends UseMutationOptions<TData, Error, TVariables> {
  /**
   * The cached queries the write changes. They are refreshed after a success before `onSuccess` (and the
   * caller's own callbacks) run, so whatever the caller shows next is already current.
   */
  invalidates?: QueryKey[];
  /**
   * Refresh the same queries after a refused write too: a 412 (someone else changed it) means the copy
   * on screen is stale, and the person should correct the current version, not the one they started from.
   */
  invalidateOnError?: boolean;
}

/**
 * The admin's one way to write through the API: a TanStack mutation whose hook, not the component,
 * owns what must be refreshed afterwards. Mutation functions unwrap with `call` (lib/api), so a
 * failure is an ApiError carrying the problem+json: FormError, ServerForm and `problemText` read it.
 * Features wrap it in named hooks in their `api.ts` (e.g. `useSaveSession(orgId, trainingId)`).
 *
 * Callbacks given to `mutate()` run only while the calling component is still mounted, and the refresh
 * may remove it (the row of a withdrawn request): what must happen regardless, such as going to what
 * was just created, belongs in the hook's own `onSuccess`.
 */
export function useApiMutation<TData, TVariables = void>({
  invalidates,
  invalidateOnError = false,
  onSuccess,
  onError,
  ...options
}: ApiMutationOptions<TData, TVariables>): UseMutationResult<TData, Error, TVariables> {
  const queryClient = useQueryClient();
  const refresh = (keys: QueryKey[]) =>
    Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  return useMutation({
    ...options,
    onSuccess: async (data, variables, onMutateResult, context) => {
      if (invalidates) await refresh(invalidates);
      return onSuccess?.(data, variables, onMutateResult, context);
    },
    onError: (error, variables, onMutateResult, context) => {
      if (invalidateOnError && invalidates) void refresh(invalidates);
      return onError?.(error, variables, onMutateResult, context);
    },
  });
}
