import next from "eslint-config-next";

export default [
  ...next,
  // Test helpers named use* are Vitest lifecycle helpers, not React hooks.
  { files: ["tests/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
  { ignores: [".next*/**", "node_modules/**", ".data/**", "db/migrations/**", "tests/artifacts/**"] },
];
