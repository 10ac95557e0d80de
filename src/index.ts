/**
 * profile-provenance: the public entry. Each area is a namespace:
 *
 *   import { matching, stats } from 'profile-provenance';
 *   import * as pp from 'profile-provenance';   // pp.io.readTable(...)
 */
export * as io from './io';
export * as stats from './stats';
export * as text from './text';
export * as plot from './plot';
export * as report from './report';
export * as caseFacts from './case';
export * as matching from './matching';
export * as linkage from './linkage';
export * as avatars from './avatars';
export * as inference from './inference';
export * as logs from './logs';
export * as retention from './retention';
export * as contacts from './contacts';
export * as screenshots from './screenshots';
