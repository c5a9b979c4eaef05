import { Notice } from '@souk/ui';

/** The outcome of the last action on a page: what was done, or why it failed. */
export type Flash = { kind: 'error' | 'success'; text: string } | null;

export function FlashNotice({ flash }: { flash: Flash }) {
  return flash ? <Notice kind={flash.kind}>{flash.text}</Notice> : null;
}
