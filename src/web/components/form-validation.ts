import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { fieldCodeMessage } from './error-message';

// Forms validate with the same contract schemas as the server (docs/style.md, "Contracts"), but the
// words come from i18n: the contracts' messages are English only.

function issueMessage(t: TFunction, issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string' && minimum <= 1) return t('validation.required');
      if (issue.origin === 'string') return t('validation.tooShort', { count: minimum });
      return t('validation.invalid');
    }
    case 'too_big':
      return issue.origin === 'string'
        ? t('validation.tooLong', { count: Number(issue.maximum) })
        : t('validation.invalid');
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.invalid');
    case 'invalid_type':
      return t('validation.required');
    case 'custom': {
      // A contract rule that names its reason (e.g. visibleLine's) says the same as the server would.
      const reason = (issue.params as { reason?: unknown } | undefined)?.reason;
      return typeof reason === 'string'
        ? fieldCodeMessage(t, reason, t('validation.invalid'))
        : t('validation.invalid');
    }
    default:
      return t('validation.invalid');
  }
}

/** A Mantine form `validate` function from a zod schema; the first problem of each field wins. */
export function zodValidate<T>(schema: z.ZodType<unknown>, t: TFunction, prepare?: (values: T) => unknown) {
  return (values: T): Record<string, string> => {
    const result = schema.safeParse(prepare ? prepare(values) : values);
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const field = issue.path.map(String).join('.');
      if (field && !(field in errors)) errors[field] = issueMessage(t, issue);
    }
    return errors;
  };
}

const control = 'input:not([type="hidden"]), select, textarea, button';

/**
 * For Mantine's onSubmit error callback: focus the first field in error so it is announced. A group
 * of boxes cannot take focus itself, so its first box does: entering the group reads its error.
 */
export function focusFirstError(form: { getInputNode: (path: string) => HTMLElement | null }) {
  return (errors: Record<string, unknown>): void => {
    const first = Object.keys(errors)[0];
    const node = first ? form.getInputNode(first) : null;
    (node?.matches(control) ? node : node?.querySelector<HTMLElement>(control))?.focus();
  };
}
