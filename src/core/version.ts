// Kept in step with package.json by a unit test (the core must not read package.json at run time:
// the web bundle has no file system).
export const VERSION = '0.1.0';
export const REPOSITORY = 'https://github.com/plainsight-dev/plainsight';
