// Start-up checks on the Node.js server: a wrong setting stops the server with a message naming it. Then the
// background job worker starts (lib/jobs): it retries on its own while the database cannot be reached.
import { ConfigurationError, env } from "./lib/env";
import { startJobWorker } from "./lib/jobs";

try {
  env();
} catch (error) {
  if (error instanceof ConfigurationError) {
    console.error(`\n${error.message}\n\nSee README.md, "Configuration".\n`);
    process.exit(1);
  }
  throw error;
}

void startJobWorker();
