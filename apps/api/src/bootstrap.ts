import type { Config } from "@nns/config";
import { assertAppRoleIsConfined, type Database, openDatabase, runMigrations } from "@nns/db";
import { closeNewsletterSender, createDeps, type Deps } from "@nns/services";

/**
 * Opens the database, applies migrations over the privileged connection, and refuses to go on if the
 * role request traffic runs as could bypass row-level security. Shared by the server and the CLI.
 */
export async function bootstrap(config: Config, onJobError: (error: unknown) => void): Promise<Deps> {
  const { metrics, tracing } = config.observability;
  const db: Database = await openDatabase({ ...config.database, instrument: Boolean(metrics || tracing) });
  try {
    await runMigrations(db, {
      appPassword: config.database.mode === "server" ? config.database.appPassword : null,
    });
    await assertAppRoleIsConfined(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return createDeps(
    db,
    {
      publicUrl: config.publicUrl,
      session: config.session,
      loginThrottle: config.loginThrottle,
      minGroupSize: config.minGroupSize,
      catalogSearchCacheEntries: config.catalogSearchCacheEntries,
      webhooks: config.webhooks,
      newsletters: config.newsletters,
      ...(config.stripe ? { stripe: config.stripe } : {}),
    },
    config.mail,
    { onError: onJobError },
  );
}

export async function shutdownDeps(deps: Deps): Promise<void> {
  await deps.jobs.stop();
  deps.mailer.close();
  closeNewsletterSender(deps);
  await deps.db.close();
}
