-- Memberships: a user's own rows in other orgs stay readable (sign-in lists them
-- before an org is chosen), but only for SELECT. The init migration's single
-- FOR ALL policy put the "userId" branch in USING for every command, so DELETE
-- (which checks USING only) could remove the user's memberships in other orgs
-- from inside one org's transaction. Writes are now org-scoped for all commands.
DROP POLICY org_isolation ON "memberships";
CREATE POLICY org_isolation ON "memberships"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);
CREATE POLICY own_memberships_read ON "memberships" FOR SELECT
  USING ("userId" = NULLIF(current_setting('app.current_user_id', true), '')::uuid);
