export * from './mask';
export * from '../display/mime';
export * from './table';
export * from './notices';
export * from './progress';
export * from './document';
export * from './pdf';
export * from './inference';
