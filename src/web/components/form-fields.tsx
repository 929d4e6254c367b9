import { Stack, type StackProps } from '@mantine/core';
import { useHydrated } from './use-hydrated';

/**
 * A form's fields in a column that takes no input until the page's JavaScript is there (decision
 * 051): drawn at build time, typed text would be lost when React takes the page over, and a submit
 * would be the browser's own, the fields in the address. A disabled fieldset disables them natively
 * (the submit button too, so Enter sends nothing) without changing how they look.
 */
export function FormFields(props: StackProps) {
  const hydrated = useHydrated();
  return (
    <Stack
      {...props}
      renderRoot={(rootProps) => (
        <fieldset
          {...rootProps}
          disabled={!hydrated}
          style={{ ...rootProps.style, border: 0, margin: 0, padding: 0, minWidth: 0 }}
        />
      )}
    />
  );
}
