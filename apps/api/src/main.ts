import { runProcess } from './bootstrap.js';

// The API role: GraphQL over HTTP and the health endpoint. HUNDRED_ROLE=all also runs the worker here.
void runProcess(process.env.HUNDRED_ROLE === 'all' ? 'all' : 'api');
