// Runs once when the server starts: a wrong setting stops start-up with a message naming it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, ConfigurationError } = await import("./lib/env");
  try {
    env();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(`\n${error.message}\n\nSee README.md, "Configuration".\n`);
      process.exit(1);
    }
    throw error;
  }
}
