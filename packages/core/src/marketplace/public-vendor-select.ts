// What anyone may see of a vendor: never the user's email.
export const publicVendorSelect = {
  id: true,
  type: true,
  displayName: true,
  description: true,
  city: true,
} as const;
