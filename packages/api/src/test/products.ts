// Test-only: product input shorthands.

/** An option group as the product form sends it; `options` maps each label to its price change in cents. */
export function optionGroup(
  name: string,
  selectionType: 'single' | 'multiple',
  isRequired: boolean,
  options: Record<string, number>,
) {
  return {
    name,
    selectionType,
    isRequired,
    options: Object.entries(options).map(([label, priceDeltaCents]) => ({
      label,
      priceDeltaCents,
    })),
  };
}
