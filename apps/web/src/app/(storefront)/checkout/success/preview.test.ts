import { describe, expect, it } from 'vitest';
import { loadSuccessStatus } from './preview';

describe('success page in bypass mode (spec 003 QA 5)', () => {
  it('renders the preview orchestration without calling the API', async () => {
    let calls = 0;
    const result = await loadSuccessStatus({
      bypass: true,
      load: () => {
        calls += 1;
        return Promise.reject(new Error('the API must not be called'));
      },
    });
    expect(calls).toBe(0);
    expect(result.isPreview).toBe(true);
    expect(result.status.orchestration.stageTitle).toBe('Loyalty hold');
    expect(result.status.orchestration.pendingLoyaltySteps).toEqual([
      'Confirm your loyalty card number',
    ]);
  });

  it('calls the API otherwise', async () => {
    let calls = 0;
    await expect(
      loadSuccessStatus({
        bypass: false,
        load: () => {
          calls += 1;
          return Promise.reject(new Error('offline'));
        },
      }),
    ).rejects.toThrow('offline');
    expect(calls).toBe(1);
  });
});
