import cluster from 'node:cluster';

import { runProcess } from './bootstrap.js';
import { loadConfig } from './config/config.js';
import { JsonLogger } from './logging/json-logger.js';
import { runCluster } from './process-cluster.js';

// The API role: GraphQL over HTTP and the health endpoint, in API_PROCESSES processes (one per
// core with "auto"). HUNDRED_ROLE=all also runs the worker here, in a single process.
const role = process.env.HUNDRED_ROLE === 'all' ? 'all' : 'api';

function processes(): number {
  try {
    return loadConfig().apiProcesses;
  } catch {
    return 1; // runProcess reports the configuration's problem and exits
  }
}

if (cluster.isPrimary && role === 'api' && processes() > 1) {
  const config = loadConfig();
  runCluster(config.apiProcesses, config, new JsonLogger(config.logLevel, { role: 'api-primary' }));
} else {
  void runProcess(role);
}
