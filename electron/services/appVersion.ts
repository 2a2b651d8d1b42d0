// Kept in step with package.json by a unit test, so the bundle does not need to read package.json.
export const APP_VERSION = '0.1.0';
