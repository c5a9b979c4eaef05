import { templateInput } from '@souk/core/client';
import type { RouterInputs, RouterOutputs } from '@souk/api';
// Relative, so a unit test (no Next path aliases) can load it.
import { draftSchema } from '../../../../../lib/draft-schema';

type TemplateInput = RouterInputs['marketplace']['admin']['createTemplate'];
type Template = RouterOutputs['marketplace']['admin']['getTemplate'];

/** The form's state: what the inputs hold, as typed. */
export interface TemplateDraft {
  name: string;
  summary: string;
  details: string;
  suggestedGuests: string;
  mediaUploadIds: string[];
}

export type FieldErrors = Record<string, string>;

export const emptyTemplate: TemplateDraft = {
  name: '',
  summary: '',
  details: '',
  suggestedGuests: '',
  mediaUploadIds: [],
};

export function draftFromTemplate(template: Template): TemplateDraft {
  return {
    name: template.name,
    summary: template.summary,
    details: template.details,
    suggestedGuests: template.suggestedGuests === null ? '' : String(template.suggestedGuests),
    mediaUploadIds: template.mediaUploadIds,
  };
}

/** Draft -> API input; text that is not a whole number is an error on its field. */
export function draftToInput(draft: TemplateDraft): {
  input: TemplateInput;
  errors: FieldErrors;
} {
  const errors: FieldErrors = {};
  const guests = draft.suggestedGuests.trim();
  if (guests !== '' && !/^\d+$/.test(guests)) {
    errors.suggestedGuests = 'Suggested guests must be a whole number';
  }
  return {
    input: {
      name: draft.name.trim(),
      summary: draft.summary.trim(),
      details: draft.details.trim(),
      suggestedGuests: guests === '' ? null : Number(guests),
      mediaUploadIds: draft.mediaUploadIds,
    },
    errors,
  };
}

/** The form's resolver schema: the draft checked by the core `templateInput`. */
export const templateDraftSchema = draftSchema({ toInput: draftToInput, schema: templateInput });
