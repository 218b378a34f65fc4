// Devices of one agency logged in to a test sync server: most two-device sync tests start here.
import type { TestSyncServer } from './sync-server.js';
import { openTestSyncClient, type TestSyncClient } from './sync-client.js';

export interface TwoDevices {
  agency: { agencyId: string; userId: string };
  a: TestSyncClient;
  b: TestSyncClient;
}

/**
 * Two devices of one agency (a new one unless given), each with its own database and device token. `via`: the
 * server instance their requests go to (another instance on the same database), by default the one that issued
 * the tokens.
 */
export async function twoDevices(server: TestSyncServer, options: { via?: TestSyncServer; agency?: TwoDevices['agency'] } = {}): Promise<TwoDevices> {
  const agency = options.agency ?? (await server.newAgency());
  const via = options.via ?? server;
  const device = async () => {
    const c = openTestSyncClient({ engine: { fetchImpl: via.injectFetch } });
    c.connect('http://sync.test', await server.deviceToken(agency.userId, c.clientId), agency.agencyId);
    return c;
  };
  const a = await device();
  const b = await device();
  return { agency, a, b };
}
