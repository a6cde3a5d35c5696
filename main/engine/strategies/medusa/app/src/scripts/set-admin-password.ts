// `medusa exec ./src/scripts/set-admin-password.js` (the password-reset Job): applies the
// password now in the store's Secret (ADMIN_PASSWORD, via secretKeyRef) to the admin login.
import type { ExecArgs } from '@medusajs/framework/types';
import { ContainerRegistrationKeys, Modules } from '@medusajs/framework/utils';

export default async function setAdminPassword({ container }: ExecArgs): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const email = process.env.ADMIN_EMAIL;
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) throw new Error('ADMIN_EMAIL and ADMIN_PASSWORD must be set');
  const result = await container
    .resolve(Modules.AUTH)
    .updateProvider('emailpass', { entity_id: email, password });
  if (!result.success) throw new Error(`cannot set the password of ${email}: ${result.error}`);
  logger.info(`storedeck-setup: admin password of ${email} updated`);
}
