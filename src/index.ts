import { run } from './main.js';

// Not awaited at the top level: run() reports every failure through core.setFailed.
void run();
