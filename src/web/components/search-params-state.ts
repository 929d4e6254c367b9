import { useCallback } from 'react';
import { useSearchParams, type NavigateOptions } from 'react-router';

/**
 * A page's filters kept in the URL, changed from what the URL holds at the moment of the change.
 *
 * React Router commits a navigation inside a transition, so the address bar changes before the page
 * re-renders. A second change that comes in between (a person, or a test, filling "Till" right after
 * "Från") would start from the old params of the last render and drop the first one. Reading the
 * current location when the change is made keeps both (the app's router is a browser router, so
 * `window.location` is the URL the router last pushed).
 */
export function useSearchParamsState<State>(
  parse: (params: URLSearchParams) => State,
  serialise: (state: State) => URLSearchParams,
): [State, (change: (current: State) => State, options?: NavigateOptions) => void] {
  const [params, setParams] = useSearchParams();
  const change = useCallback(
    (next: (current: State) => State, options?: NavigateOptions) =>
      setParams(serialise(next(parse(new URLSearchParams(window.location.search)))), options),
    [setParams, parse, serialise],
  );
  return [parse(params), change];
}
