// Stands in for `server-only` in tests: the real package throws outside React's server environment.
export {};
