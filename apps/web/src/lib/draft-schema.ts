import { z } from 'zod';
import { describeFieldError, fieldErrorsOf } from '@souk/core/errors';
import { ELSEWHERE } from './form-errors';

export interface DraftSchemaOptions<Draft, Input> {
  /** What people typed -> the API input; text that does not parse is an error by API path. */
  toInput: (draft: Draft) => { input: Input; errors: Record<string, string> };
  /** The core schema the API checks the same input with. */
  schema: z.ZodType;
  /** API input path -> the draft's field; null when the form has no input for it. */
  toField?: (apiPath: string) => string | null;
}

/**
 * A react-hook-form resolver schema for an editor that works on strings: the draft becomes
 * the API input and the core schema checks it, so a person sees the API's own words before
 * anything is sent. Errors land on the draft's fields; one the form has no input for goes
 * to `ELSEWHERE`, in words and with where it sits.
 */
export function draftSchema<Draft, Input>({
  toInput,
  schema,
  toField = (path) => path,
}: DraftSchemaOptions<Draft, Input>) {
  return z.custom<Draft>().transform((draft, ctx): Input => {
    const { input, errors } = toInput(draft);
    const problems: Record<string, string[]> = {};
    for (const [path, message] of Object.entries(errors)) problems[path] = [message];
    const checked = schema.safeParse(input);
    for (const [path, messages] of Object.entries(fieldErrorsOf(checked.error) ?? {}))
      problems[path] ??= messages;
    const elsewhere: string[] = [];
    for (const [path, [message = 'This value is not valid']] of Object.entries(problems)) {
      const field = toField(path);
      if (field) ctx.addIssue({ code: 'custom', path: field.split('.'), message });
      else elsewhere.push(describeFieldError(path, message));
    }
    if (elsewhere.length > 0)
      ctx.addIssue({ code: 'custom', path: [ELSEWHERE], message: elsewhere.join(' ') });
    return input;
  });
}
