// `@hamkke/core/domain`: the domain's lists and rules without zod, for the web app's bundle.
export * from './lists.js';
export * from './priority/priority.js';
export * from './status/status.js';
