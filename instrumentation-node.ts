// Start-up checks on the Node.js server: a wrong setting stops the server with a message naming it.
import { ConfigurationError, env } from "./lib/env";

try {
  env();
} catch (error) {
  if (error instanceof ConfigurationError) {
    console.error(`\n${error.message}\n\nSee README.md, "Configuration".\n`);
    process.exit(1);
  }
  throw error;
}
