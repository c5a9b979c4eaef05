// Runs once when the server starts (server.mjs: inside app.prepare()).
export async function register(): Promise<void> {
  // The Edge runtime has no process.env to check and never holds the secrets.
  // eslint-disable-next-line no-restricted-properties -- Next inlines NEXT_RUNTIME per bundle
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { assertWebProductionConfig } = await import('./env');
  try {
    // Parses the auth settings now, so a bad TRUSTED_PROXY_CIDRS or
    // ADMIN_IP_ALLOWLIST_CIDRS entry stops the start instead of the first request.
    await import('@souk/auth/admin-ip');
    assertWebProductionConfig();
  } catch (error) {
    // Exit here: Next logs a failed register() and goes on serving, with the
    // development secrets this check exists to refuse.
    console.error(`[web] ${(error as Error).message}`);
    process.exit(1);
  }
}
