export { buildApp } from './app.js';
export { loadConfig, type TConfig } from './config.js';
export { useDatabase } from './db/current.js';
export { connect, migrateDatabase, openDatabase, type TDb } from './db/database.js';
