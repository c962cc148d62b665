// The version, stamped in by scripts/build-cli.mjs from package.json.
declare const __PACEBAR_VERSION__: string | undefined;

export const VERSION: string = typeof __PACEBAR_VERSION__ === 'string' ? __PACEBAR_VERSION__ : '0.0.0-dev';
