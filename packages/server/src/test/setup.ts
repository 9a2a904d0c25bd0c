import { afterAll, inject } from 'vitest';
import { useDatabase } from '../db/current.js';
import { connect } from '../db/database.js';

// Each test file talks to the run's database through its own small pool.
const { db, pool } = connect(inject('databaseUrl'), 4);
useDatabase(db);
afterAll(() => pool.end());
