/**
 * profile-provenance: the public entry. Each area is a namespace:
 *
 *   import { matching, stats } from 'profile-provenance';
 *   import * as pp from 'profile-provenance';   // pp.io.readTable(...)
 */
export * as io from './io';
export * as stats from './stats';
export * as graph from './graph';
export * as text from './text';
export * as compare from './compare';
export * as display from './display';
export * as plot from './plot';
export * as report from './report';
export * as caseFacts from './case';
export * as matching from './matching';
export * as linkage from './linkage';
export * as avatars from './avatars';
export * as collaborativeFiltering from './collaborative-filtering';
export * as capacity from './capacity';
export * as retention from './retention';
export * as shadow from './shadow';
export * as screenshots from './screenshots';
