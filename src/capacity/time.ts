/**
 * Time handling for the logs area: the one timestamp parser and the calendar helpers live in
 * src/io/time.ts (every evidence reader and option uses them); re-exported here for the
 * existing imports.
 */
export * from '../io/time';
