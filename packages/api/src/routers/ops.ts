import { coreEnv, getHealthDetails } from '@souk/core';
import { createTRPCRouter, requirePermission, requirePermissionScoped } from '../trpc';
import { configOutput, featureFlagsOutput, healthDetailsOutput } from '../outputs/ops';
import { configView, featureFlags } from '../ops/settings';

// Operator views (spec 002): owners and admins.
const read = requirePermission('ops.read');
// The processor check calls out, so no transaction may be open around it.
const readScoped = requirePermissionScoped('ops.read');

export const opsRouter = createTRPCRouter({
  getConfig: read.output(configOutput).query(() => configView()),
  listFeatureFlags: read.output(featureFlagsOutput).query(() => featureFlags()),
  getHealthDetails: readScoped.output(healthDetailsOutput).query(async ({ ctx }) => {
    const checkedAt = new Date();
    const checks = await getHealthDetails({
      db: ctx.db,
      ownerUrl: coreEnv.DATABASE_URL,
      gateway: () => ctx.scope.gateway(),
      smtpUrl: coreEnv.SMTP_URL,
      sendgridConfigured: Boolean(coreEnv.SENDGRID_API_KEY),
      now: checkedAt,
    });
    return { checkedAt, checks };
  }),
});
