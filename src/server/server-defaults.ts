// The server's defaults, apart from the server itself so that the CLI can show them in its help
// without loading the web framework (commands load what they run only when they run it).
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8787;
export const MIN_TOKEN_LENGTH = 16;
