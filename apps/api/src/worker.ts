import { runProcess } from './bootstrap.js';

// The worker role: the same code, running the job queues instead of the HTTP server.
void runProcess('worker');
