import { loadConfigOrFail, openDatabaseOrFail } from './command-line';
import { revokePublishedCredentials } from '../modules/auth/published-credentials.service';

// npm run revoke-published-credentials
// Deactivates every account that signs in with the demo password or the demo second-factor secret
// the README publishes, and ends its sessions (decision 023). Run it with the server stopped on
// the embedded database; on PostgreSQL it may run beside the servers.

async function main(): Promise<void> {
  const config = loadConfigOrFail();
  const database = await openDatabaseOrFail(config);
  try {
    await database.migrate();
    const revoked = await revokePublishedCredentials(database.db, config.secondFactorKeys, new Date());
    if (revoked.length === 0) {
      process.stdout.write('No account signs in with a published credential.\n');
    } else {
      process.stdout.write(`Deactivated ${revoked.length} account(s) and ended their sessions:\n`);
      for (const holder of revoked) process.stdout.write(`  ${holder.email} (${holder.role})\n`);
      process.stdout.write('Set ADMIN_EMAIL and start the server to invite a new admin.\n');
    }
  } finally {
    await database.close();
  }
}

void main();
